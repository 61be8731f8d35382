//! The fleet editor's edits (issue 18), pure: a site has group 1 and up to five more machine groups; a group
//! with a count of 0 is absent (MODEL.md section 7), so adding and removing one is setting its count.

use crate::model::{GroupField, Scenario, MAX_GROUPS};
use crate::state::presets::MachinePreset;

/// Machines a new group starts with: enough to show on a site's figures, easy to change.
pub const NEW_GROUP_MACHINES: f64 = 100.0;

/// The 0-based groups 1…5 on the site (group 0, the `machine_*` keys, always is).
pub fn extra_groups(s: &Scenario) -> impl Iterator<Item = usize> + '_ {
    (1..MAX_GROUPS).filter(|&g| s.group(g).is_present())
}

/// The scenario with the first absent group added ([`NEW_GROUP_MACHINES`] of the machine its keys hold) and
/// that group, or `None` when all six are on the site. A group never set before holds a preset machine's
/// hashrate and efficiency (the model's defaults) but no prices: it takes that preset's price and resale, as
/// choosing the machine in its picker would, so the site's capex and resale count it. A group added again keeps
/// what it had.
pub fn add_group(s: &Scenario, presets: &[MachinePreset]) -> Option<(Scenario, usize)> {
    let g = (1..MAX_GROUPS).find(|&g| !s.group(g).is_present())?;
    let mut next = s.clone();
    if s.group(g) == Scenario::default().group(g) {
        // Without its prices (a preset refused) the group is still added, as it was before presets priced it.
        if let Some(p) = presets.iter().find(|p| p.matches_group(s, g)) {
            let _ = p.apply_to(&mut next, g);
        }
    }
    next.set(Scenario::group_key(g, GroupField::Count), NEW_GROUP_MACHINES).ok()?;
    Some((next, g))
}

/// The scenario without group `g` (1…5; group 0 cannot be removed): its count is 0, its other values stay
/// for when it is added again.
pub fn remove_group(s: &Scenario, g: usize) -> Scenario {
    let mut next = s.clone();
    if (1..MAX_GROUPS).contains(&g) {
        let _ = next.set(Scenario::group_key(g, GroupField::Count), 0.0);
    }
    next
}

#[cfg(test)]
#[path = "fleet_tests.rs"]
mod tests;
