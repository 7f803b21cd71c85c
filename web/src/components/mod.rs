//! The app's screens and widgets.

pub mod add_client;
pub mod client_list;
pub mod home;
pub mod icons;
pub mod lang_picker;
pub mod login;
pub mod status_bar;
pub mod text_field;
