//! Files written safely, by every layer that writes one (the minutes, the
//! fetched reports and their manifest, recovery copies, a new workspace):
//! whole or not at all, and never through a link planted at a name.

pub mod atomic;
