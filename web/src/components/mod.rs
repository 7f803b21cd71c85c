//! The app's screens and widgets.

pub mod add_client;
pub mod capture;
pub mod capture_event;
pub mod capture_scan;
pub mod card;
pub mod card_activity;
pub mod card_form;
pub mod card_records;
pub mod chart;
pub mod client_list;
pub mod clients;
pub mod home;
pub mod icons;
pub mod lang_picker;
pub mod login;
pub mod plan;
pub mod reports;
pub mod saved_views;
pub mod settings;
pub mod status_bar;
pub mod targets;
pub mod text_field;
pub mod today;
