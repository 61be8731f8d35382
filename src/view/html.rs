//! The markup builder. Pure Rust, tested natively.

use crate::chart::{push_escaped, write_nodes, Node};

/// A handle to an element built by an [`Html`]: `dom::Dom::el` gives the element once the markup is mounted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slot(pub(crate) u32);

/// A section's events: a `Copy` enum listing every variant in `ALL`. [`Html::on`] writes the variant's name
/// as `data-action` on the element that raises it; the section's handler matches it exhaustively.
pub trait Action: Copy + 'static {
    const ALL: &'static [Self];
    /// The `data-action` value (tests and hosts may click `[data-action=undo]`).
    fn name(self) -> &'static str;
    fn parse(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|a| a.name() == name)
    }
}

/// The attribute that marks a slot until `dom::Dom` resolves it (and removes it).
pub const SLOT_ATTR: &str = "data-h";

/// Builds markup. A start tag stays open after [`Html::open`] so attributes and a slot can be added; the next
/// text, child or end tag closes it.
#[derive(Default, Debug)]
pub struct Html {
    out: String,
    in_tag: bool,
    slots: u32,
}

impl Html {
    pub fn new() -> Html {
        Html { out: String::with_capacity(1024), in_tag: false, slots: 0 }
    }

    fn close_tag(&mut self) {
        if self.in_tag {
            self.out.push('>');
            self.in_tag = false;
        }
    }

    /// Starts `<tag` with `attrs`, fixed attribute markup such as `class="card" id="cash"` (or "").
    pub fn open(&mut self, tag: &'static str, attrs: &'static str) -> &mut Html {
        self.close_tag();
        self.out.push('<');
        self.out.push_str(tag);
        if !attrs.is_empty() {
            self.out.push(' ');
            self.out.push_str(attrs);
        }
        self.in_tag = true;
        self
    }

    /// Adds `name="value"` to the open start tag, the value escaped.
    pub fn attr(&mut self, name: &'static str, value: &str) -> &mut Html {
        debug_assert!(self.in_tag, "attribute {name} outside a start tag");
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        push_escaped(&mut self.out, value);
        self.out.push('"');
        self
    }

    /// Adds the boolean attribute `name` when `on`.
    pub fn flag(&mut self, name: &'static str, on: bool) -> &mut Html {
        debug_assert!(self.in_tag, "attribute {name} outside a start tag");
        if on {
            self.out.push(' ');
            self.out.push_str(name);
        }
        self
    }

    /// Marks the open element as one that `action` comes from.
    pub fn on<A: Action>(&mut self, action: A) -> &mut Html {
        self.attr("data-action", action.name())
    }

    /// A handle to the open element, for patching it after the mount.
    pub fn slot(&mut self) -> Slot {
        debug_assert!(self.in_tag, "a slot outside a start tag");
        let id = self.slots;
        self.slots += 1;
        self.out.push(' ');
        self.out.push_str(SLOT_ATTR);
        self.out.push_str("=\"");
        crate::chart::push_int(&mut self.out, id as i64);
        self.out.push('"');
        Slot(id)
    }

    /// Text content, escaped.
    pub fn text(&mut self, text: &str) -> &mut Html {
        self.close_tag();
        push_escaped(&mut self.out, text);
        self
    }

    /// Fixed markup (a static paragraph, an end tag run).
    pub fn raw(&mut self, markup: &'static str) -> &mut Html {
        self.close_tag();
        self.out.push_str(markup);
        self
    }

    /// SVG nodes drawn by `chart::Svg` (their values and texts are escaped as they are written).
    pub fn nodes(&mut self, nodes: &[Node]) -> &mut Html {
        self.close_tag();
        write_nodes(&mut self.out, nodes);
        self
    }

    /// `</tag>`.
    pub fn close(&mut self, tag: &'static str) -> &mut Html {
        self.close_tag();
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push('>');
        self
    }

    /// `<tag attrs>text</tag>`.
    pub fn el(&mut self, tag: &'static str, attrs: &'static str, text: &str) -> &mut Html {
        self.open(tag, attrs).text(text).close(tag)
    }

    /// The markup, complete.
    pub fn finish(mut self) -> (String, u32) {
        self.close_tag();
        (self.out, self.slots)
    }
}

/// Checks built markup natively: every start tag closed in order (void elements aside) and every slot
/// `0..slots` marked exactly once, so a section's handles all resolve once it is mounted.
#[cfg(not(target_arch = "wasm32"))]
pub fn check(markup: &str, slots: u32) -> Result<(), String> {
    const VOID: &[&str] = &["input", "br", "hr", "img", "meta", "link", "col", "wbr"];
    let mut open: Vec<&str> = Vec::new();
    let mut seen = vec![0u32; slots as usize];
    let mut rest = markup;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let end = rest.find('>').ok_or("a tag is not closed")?;
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            match open.pop() {
                Some(o) if o == name => {}
                o => return Err(format!("</{name}> closes {o:?}")),
            }
            continue;
        }
        let name = tag.split([' ', '/']).next().unwrap_or_default();
        let mut attrs = tag;
        while let Some(at) = attrs.find(" data-h=\"") {
            attrs = &attrs[at + 9..];
            let id: usize = attrs[..attrs.find('"').unwrap_or(0)].parse().map_err(|_| "a bad slot id")?;
            *seen.get_mut(id).ok_or(format!("slot {id} was never handed out"))? += 1;
        }
        if !tag.ends_with('/') && !VOID.contains(&name) {
            open.push(name);
        }
    }
    if let Some(o) = open.pop() {
        return Err(format!("<{o}> is never closed"));
    }
    match seen.iter().position(|n| *n != 1) {
        Some(id) => Err(format!("slot {id} is marked {} times", seen[id])),
        None => Ok(()),
    }
}

#[cfg(test)]
#[path = "html_tests.rs"]
mod tests;
