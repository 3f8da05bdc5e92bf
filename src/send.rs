//! `opsdeck send`: the meeting delivered to the team's chats — a message
//! made from the minutes (`message`), put in each channel's markup and size
//! (`render`), signed where the channel asks (`sign`) and posted to its
//! webhook (`deliver`), whose address is a secret never shown (`address`).

pub mod address;
pub mod deliver;
pub mod mail;
pub mod message;
pub mod pace;
pub mod prep_message;
pub mod render;
pub mod sign;
