//! What the header's controls do: one enum for the header's own buttons and for those of the Embed dialog and
//! the Export menu it composes, so the header handles every one in one exhaustive `match`.

use crate::view::Action;

/// What the header's controls do.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Act {
    Reset,
    Undo,
    CopyLink,
    Theme,
    Embed,
    CopyEmbed,
    EmbedClose,
    /// The export menu's summary (it opens natively).
    Export,
    ExportCsv,
    ExportJson,
    /// Opens a scenario file (an exported JSON).
    OpenJson,
    Print,
}

impl Action for Act {
    const ALL: &'static [Act] = &[
        Act::Reset,
        Act::Undo,
        Act::CopyLink,
        Act::Theme,
        Act::Embed,
        Act::CopyEmbed,
        Act::EmbedClose,
        Act::Export,
        Act::ExportCsv,
        Act::ExportJson,
        Act::OpenJson,
        Act::Print,
    ];
    fn name(self) -> &'static str {
        match self {
            Act::Reset => "reset",
            Act::Undo => "undo",
            Act::CopyLink => "copy-link",
            Act::Theme => "theme",
            Act::Embed => "embed",
            Act::CopyEmbed => "copy-embed",
            Act::EmbedClose => "embed-close",
            Act::Export => "export",
            Act::ExportCsv => "export-csv",
            Act::ExportJson => "export-json",
            Act::OpenJson => "open-json",
            Act::Print => "print",
        }
    }
}
