//! A lead captured at a booth, as the engine saves it: a lead client from the
//! exhibition, tagged with its temperature, its contact, and the encounter as an
//! interaction. The capture screen (`components/capture.rs`) fills a [`Lead`]; the
//! engine journals a [`LeadIntent`] (see `journal.rs`) and applies it.

use fieldbase_core::{
    Author, ClientBase, ClientDetails, ClientDraft, ClientStatus, ContactDraft, Direction,
    DocumentId, Edit, Error, Field, InteractionDraft, InteractionKind, Outcome, Source,
    card::normalise_tag, validate,
};
use serde::{Deserialize, Serialize};

/// How keen the lead is; saved as the tag of the same name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Temperature {
    /// Ready to buy.
    Hot,
    /// Interested.
    #[default]
    Warm,
    /// Just looking.
    Cold,
}

impl Temperature {
    /// Every temperature, hottest first.
    pub const ALL: [Temperature; 3] = [Temperature::Hot, Temperature::Warm, Temperature::Cold];

    /// The tag (and the key of its label and test id).
    pub fn key(self) -> &'static str {
        match self {
            Temperature::Hot => "hot",
            Temperature::Warm => "warm",
            Temperature::Cold => "cold",
        }
    }
}

/// What the rep typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Lead {
    /// The company (the client's name when given).
    pub company: String,
    /// The person met (the contact; the client's name when there is no company).
    pub person: String,
    /// A phone number, as typed.
    pub phone: String,
    /// An e-mail address, as typed.
    pub email: String,
    /// What they are interested in.
    pub interest: String,
    /// Anything else.
    pub note: String,
    /// How keen they are.
    pub temperature: Temperature,
}

impl Lead {
    /// The client's name: the company, else the person.
    pub fn client_name(&self) -> &str {
        if self.company.trim().is_empty() {
            self.person.trim()
        } else {
            self.company.trim()
        }
    }

    /// The interaction's summary: the interest, then the note.
    pub fn summary(&self) -> String {
        [self.interest.trim(), self.note.trim()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// A lead to save, with everything drawn on the page: the current event, the new ids
/// and the device's time zone. Stored in the journal as JSON, so fields are only ever
/// added (with defaults), never renamed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LeadIntent {
    /// What the rep typed.
    pub lead: Lead,
    /// The event the lead was met at, if one is picked.
    #[serde(default)]
    pub event: Option<String>,
    /// The new client's document.
    pub client: DocumentId,
    /// The new contact's id.
    pub contact: String,
    /// The new interaction's id.
    pub interaction: String,
    /// The device's time zone (the interaction's).
    pub time_zone: String,
}

/// A lead's writes, every field validated.
struct Prepared {
    draft: ClientDraft,
    tag: String,
    contact: Option<ContactDraft>,
    interaction: InteractionDraft,
}

impl LeadIntent {
    /// Validates every field and what the base must allow (the ids are free) without
    /// writing. When this is `Ok`, [`LeadIntent::apply`] on the same base succeeds: the
    /// journal relies on it to call a lead saved before it is applied.
    pub fn check(&self, base: &ClientBase, author: &Author) -> Result<(), Error> {
        self.prepare(base, author).map(|_| ())
    }

    /// Whether the base already holds this lead's client (the lead was applied).
    pub fn applied(&self, base: &ClientBase) -> bool {
        base.holds(self.client)
    }

    /// Saves the lead: the client, its temperature tag, its contact (when a person was
    /// named) and the encounter. Everything is validated before the first write, so a
    /// bad field writes nothing.
    pub fn apply(&self, base: &mut ClientBase, author: &Author) -> Result<Edit, Error> {
        let p = self.prepare(base, author)?;
        let client = self.client;
        let mut touched = base.add_client(client, &p.draft, author)?.touched;
        let mut more = base.add_tag(client, &p.tag, author)?.touched;
        if let Some(c) = &p.contact {
            more.extend(base.add_contact(client, &self.contact, c, author)?.touched);
        }
        more.extend(
            base.log_interaction(client, &self.interaction, &p.interaction, author)?
                .touched,
        );
        for id in more {
            if !touched.contains(&id) {
                touched.push(id);
            }
        }
        Ok(Edit { client, touched })
    }

    fn prepare(&self, base: &ClientBase, author: &Author) -> Result<Prepared, Error> {
        let lead = &self.lead;
        let draft = ClientDraft {
            name: lead.client_name().to_owned(),
            phone: lead.phone.clone(),
            email: lead.email.clone(),
            status: Some(ClientStatus::Lead),
            lost_reason: String::new(),
            details: ClientDetails {
                source: Source::Exhibition,
                source_event: self.event.clone().unwrap_or_default(),
                ..ClientDetails::default()
            },
        };
        let contact = (!lead.person.trim().is_empty()).then(|| ContactDraft {
            name: lead.person.clone(),
            phones: vec![lead.phone.clone()],
            emails: vec![lead.email.clone()],
            ..ContactDraft::default()
        });
        let summary = lead.summary();
        draft.validate()?;
        draft.details.validated()?;
        if let Some(c) = &contact {
            c.validate()?;
        }
        let tag = normalise_tag(lead.temperature.key())?;
        validate::text(Field::Summary, &summary)?;
        let time_zone = validate::time_zone(&self.time_zone)?;
        let who = validate::rep(author.rep())?;
        if base.holds(self.client) {
            return Err(Error::BadDocumentId(format!(
                "{} is already in use",
                self.client
            )));
        }
        if !validate::entry_id(&self.contact) {
            return Err(Error::BadContactId(self.contact.clone()));
        }
        if !validate::entry_id(&self.interaction) {
            return Err(Error::BadInteractionId(self.interaction.clone()));
        }
        let interaction = InteractionDraft {
            kind: InteractionKind::Exhibition,
            direction: Direction::In,
            at: author.at,
            time_zone,
            duration_secs: 0,
            outcome: match lead.temperature {
                Temperature::Cold => Outcome::Reached,
                _ => Outcome::Interested,
            },
            summary,
            who,
            contact: contact.is_some().then(|| self.contact.clone()),
            event: self.event.clone(),
            next_step: None,
        };
        Ok(Prepared {
            draft,
            tag,
            contact,
            interaction,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fieldbase_core::automerge::ActorId;

    fn base() -> ClientBase {
        ClientBase::new(DocumentId::from_bytes([1; 16]), ActorId::from([2; 16]))
    }

    fn author() -> Author {
        Author {
            who: "anna/web".into(),
            at: 1_790_000_000_000,
        }
    }

    fn intent(n: u8, lead: Lead) -> LeadIntent {
        LeadIntent {
            lead,
            event: Some("agro-2026".into()),
            client: DocumentId::from_bytes([n; 16]),
            contact: format!("c{n}"),
            interaction: format!("i{n}"),
            time_zone: "Europe/Prague".into(),
        }
    }

    fn full() -> Lead {
        Lead {
            company: "Pekárna Novák".into(),
            person: "Jana Nová".into(),
            phone: "+420 601 555 000".into(),
            email: "jana@pekarna.cz".into(),
            interest: "Rye flour".into(),
            note: "Call after the fair".into(),
            temperature: Temperature::Hot,
        }
    }

    #[test]
    fn a_checked_lead_applies_and_is_then_applied() {
        let mut base = base();
        for (n, lead) in [
            (10, full()),
            (
                11,
                Lead {
                    person: "Only A Person".into(),
                    temperature: Temperature::Cold,
                    ..Lead::default()
                },
            ),
            (
                12,
                Lead {
                    company: "No Person Ltd".into(),
                    ..Lead::default()
                },
            ),
        ] {
            let intent = intent(n, lead);
            intent.check(&base, &author()).expect("checks");
            assert!(!intent.applied(&base));
            let edit = intent.apply(&mut base, &author()).expect("applies");
            assert_eq!(edit.client, intent.client);
            assert!(intent.applied(&base));
            let client = base.client(intent.client).expect("listed");
            assert_eq!(client.name, intent.lead.client_name());
            assert_eq!(base.interactions(intent.client).len(), 1);
            // Applied once, the same intent is refused: its client id is taken.
            assert!(matches!(
                intent.check(&base, &author()),
                Err(Error::BadDocumentId(_))
            ));
        }
    }

    #[test]
    fn a_bad_field_fails_the_check_and_writes_nothing() {
        let mut base = base();
        let before = base.doc_count();
        for lead in [
            Lead {
                phone: "12".into(),
                ..full()
            },
            Lead {
                email: "jana@".into(),
                ..full()
            },
            Lead {
                company: String::new(),
                person: String::new(),
                ..full()
            },
        ] {
            let intent = intent(20, lead);
            let checked = intent.check(&base, &author()).expect_err("refused");
            let applied = intent.apply(&mut base, &author()).expect_err("refused");
            assert_eq!(checked.to_string(), applied.to_string());
            assert_eq!(base.doc_count(), before);
        }
        let mut bad_zone = intent(21, full());
        bad_zone.time_zone = "not a zone".into();
        assert!(bad_zone.check(&base, &author()).is_err());
        let mut bad_id = intent(22, full());
        bad_id.interaction = "a:b".into();
        assert!(matches!(
            bad_id.check(&base, &author()),
            Err(Error::BadInteractionId(_))
        ));
    }

    #[test]
    fn an_intent_reads_back_from_json_with_fields_it_did_not_have() {
        let intent = intent(30, full());
        let json = serde_json::to_string(&intent).expect("serialises");
        assert_eq!(
            serde_json::from_str::<LeadIntent>(&json).expect("parses"),
            intent
        );
        // A lead written before `note` existed still reads.
        let older = json.replace(r#","note":"Call after the fair""#, "");
        let read: LeadIntent = serde_json::from_str(&older).expect("parses");
        assert_eq!(read.lead.note, "");
        assert_eq!(read.lead.company, intent.lead.company);
    }
}
