use super::*;
use crate::model::evaluate;
use crate::state::presets::machine_presets;

#[test]
fn groups_are_added_in_order_up_to_six_and_removed_by_their_count() {
    let mut s = Scenario::default();
    assert_eq!(extra_groups(&s).count(), 0);
    for want in 1..MAX_GROUPS {
        let Some((next, g)) = add_group(&s, &machine_presets()) else { panic!("room for group {want}") };
        assert_eq!(g, want);
        assert_eq!(next.group(g).count, NEW_GROUP_MACHINES);
        s = next;
    }
    assert!(add_group(&s, &machine_presets()).is_none(), "six groups at most");
    let fewer = remove_group(&s, 2);
    assert_eq!(extra_groups(&fewer).collect::<Vec<_>>(), vec![1, 3, 4, 5]);
    assert_eq!(add_group(&fewer, &machine_presets()).map(|(_, g)| g), Some(2), "the gap is filled first");
    assert_eq!(remove_group(&s, 0), s, "group 1 stays");
    // The added groups are on the site: the fleet's hashrate counts them.
    let one = evaluate(&Scenario::default()).expect("valid").snapshot.fleet_hashrate_ths;
    let six = evaluate(&s).expect("valid").snapshot.fleet_hashrate_ths;
    assert_eq!(six, one + 5.0 * NEW_GROUP_MACHINES * 200.0);
}

#[test]
fn a_new_group_takes_its_machines_prices_and_a_group_added_again_keeps_its_own() {
    let presets = machine_presets();
    let Some((s, g)) = add_group(&Scenario::default(), &presets) else { panic!("room") };
    let m = s.group(g);
    let Some(p) = presets.iter().find(|p| p.matches_group(&s, g)) else { panic!("the default group is a preset") };
    assert_eq!((m.price_usd_per_th, m.resale_usd_per_th), (p.price_usd_per_th, p.resale_usd_per_th));
    assert!(m.price_usd_per_th > 0.0 && m.resale_usd_per_th > 0.0, "{m:?}");
    // Set to nothing on purpose, removed, added again: what the user set stays.
    let mut free = s.clone();
    let _ = free.set(Scenario::group_key(g, GroupField::PriceUsdPerTh), 0.0);
    let Some((again, _)) = add_group(&remove_group(&free, g), &presets) else { panic!("room") };
    assert_eq!(again.group(g).price_usd_per_th, 0.0);
}

#[test]
fn a_group_whose_machine_is_no_preset_is_added_without_prices() {
    let Some((s, g)) = add_group(&Scenario::default(), &[]) else { panic!("room") };
    assert_eq!(s.group(g).count, NEW_GROUP_MACHINES);
    assert_eq!((s.group(g).price_usd_per_th, s.group(g).resale_usd_per_th), (0.0, 0.0));
}
