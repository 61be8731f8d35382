use super::*;
use crate::model::evaluate;

#[test]
fn groups_are_added_in_order_up_to_six_and_removed_by_their_count() {
    let mut s = Scenario::default();
    assert_eq!(extra_groups(&s).count(), 0);
    for want in 1..MAX_GROUPS {
        let Some((next, g)) = add_group(&s) else { panic!("room for group {want}") };
        assert_eq!(g, want);
        assert_eq!(next.group(g).count, NEW_GROUP_MACHINES);
        s = next;
    }
    assert!(add_group(&s).is_none(), "six groups at most");
    let fewer = remove_group(&s, 2);
    assert_eq!(extra_groups(&fewer).collect::<Vec<_>>(), vec![1, 3, 4, 5]);
    assert_eq!(add_group(&fewer).map(|(_, g)| g), Some(2), "the gap is filled first");
    assert_eq!(remove_group(&s, 0), s, "group 1 stays");
    // The added groups are on the site: the fleet's hashrate counts them.
    let one = evaluate(&Scenario::default()).expect("valid").snapshot.fleet_hashrate_ths;
    let six = evaluate(&s).expect("valid").snapshot.fleet_hashrate_ths;
    assert_eq!(six, one + 5.0 * NEW_GROUP_MACHINES * 200.0);
}
