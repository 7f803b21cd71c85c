//! A card's history (who, on which device, changed which fields, when) and the card as
//! it was at an earlier time.
// Amounts are written in minor units grouped as major_minor: 120_000_00 is 120 000,00.
#![allow(clippy::inconsistent_digit_grouping)]

mod common;

use common::{author, base_with_client, id, replica};
use fieldbase_core::{ClientPatch, Deal, DealStage};

#[test]
fn history_names_the_rep_the_device_the_time_and_the_fields() {
    let mut a = base_with_client("Alfa");
    a.edit_client(
        id(1),
        &ClientPatch {
            phone: Some("+420 601 123 456".into()),
            ..Default::default()
        },
        &author("anna/phone", 60_000),
    )
    .unwrap();
    let mut b = replica(2);
    b.merge(&a).unwrap();
    let mut d = b.details(id(1));
    d.price_type = "retail".into();
    b.set_details(id(1), &d, &author("boris/laptop", 120_000))
        .unwrap();
    b.add_entity(
        id(1),
        "d1",
        &Deal {
            title: "Rye".into(),
            ..Default::default()
        },
        &author("boris/laptop", 180_000),
    )
    .unwrap();
    b.set_notes(id(1), "Call before 10", &author("boris/laptop", 240_000))
        .unwrap();
    a.merge(&b).unwrap();

    let h = a.history(id(1));
    assert_eq!(h.len(), 5);
    assert_eq!((h[0].rep.as_str(), h[0].at), ("anna", 0));
    assert!(h[0].fields.contains(&"name".to_owned()));
    assert_eq!(
        (h[1].rep.as_str(), h[1].device.as_str(), h[1].at),
        ("anna", "phone", 60_000)
    );
    assert_eq!(h[1].fields, vec!["phone"]);
    assert_eq!(
        (h[2].rep.as_str(), h[2].device.as_str()),
        ("boris", "laptop")
    );
    assert_eq!(h[2].fields, vec!["price_type"]);
    assert!(
        h[3].fields.contains(&"deals/d1/title".to_owned()),
        "{:?}",
        h[3].fields
    );
    assert_eq!(h[4].fields, vec!["notes"]);
}

#[test]
fn the_card_can_be_read_as_it_was() {
    let mut a = base_with_client("Alfa");
    a.edit_client(
        id(1),
        &ClientPatch {
            name: Some("Alfa Bakery".into()),
            ..Default::default()
        },
        &author("anna", 100_000),
    )
    .unwrap();
    a.add_entity(
        id(1),
        "d1",
        &Deal {
            title: "Rye".into(),
            stage: DealStage::Sent,
            ..Default::default()
        },
        &author("anna", 200_000),
    )
    .unwrap();
    let mut deal = a.entity::<Deal>(id(1), "d1").unwrap();
    deal.stage = DealStage::Won;
    a.update_entity(id(1), "d1", &deal, &author("anna", 300_000))
        .unwrap();

    let before = a.as_of(id(1), 50_000).unwrap();
    assert_eq!(before.client(id(1)).unwrap().name, "Alfa");
    assert!(before.entities::<Deal>(id(1)).is_empty());
    let mid = a.as_of(id(1), 250_000).unwrap();
    assert_eq!(mid.client(id(1)).unwrap().name, "Alfa Bakery");
    assert_eq!(
        mid.entity::<Deal>(id(1), "d1").unwrap().stage,
        DealStage::Sent
    );
    let now = a.as_of(id(1), 1_000_000).unwrap();
    assert_eq!(
        now.entity::<Deal>(id(1), "d1").unwrap().stage,
        DealStage::Won
    );
    assert!(a.as_of(id(1), -1).is_none(), "the card did not exist yet");
    assert_eq!(
        a.client(id(1)).unwrap().name,
        "Alfa Bakery",
        "the base itself is untouched"
    );
}
