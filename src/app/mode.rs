//! What keys mean right now. Overlays (help, quit confirmation) remember the
//! mode under them, so closing one returns exactly there.

/// A mode that overlays can sit on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base {
    Browsing,
    /// The detail of one SKU (index into the review's rows).
    Detail(usize),
}

/// The cockpit's input mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Browsing,
    /// Typing the SKU filter at the bottom line.
    Filtering,
    /// The 13-week detail of one SKU (index into the review's rows).
    Detail(usize),
    /// Every key of the mode underneath.
    Help(Base),
    /// "Quit? y/n" over the mode underneath.
    ConfirmingQuit(Base),
    /// Typing a path to write the minutes to, from the quit question.
    SavingAs(Base),
    /// Typing on the capture line (its text lives in `App::capture`).
    Capturing,
    /// The closing check found gaps: fix them, or close anyway.
    Closing,
}

impl Mode {
    /// The mode an overlay covers, or the mode itself.
    pub fn base(self) -> Base {
        match self {
            Mode::Detail(row) => Base::Detail(row),
            Mode::Help(base) | Mode::ConfirmingQuit(base) | Mode::SavingAs(base) => base,
            Mode::Browsing | Mode::Filtering | Mode::Capturing | Mode::Closing => Base::Browsing,
        }
    }
}

impl From<Base> for Mode {
    fn from(base: Base) -> Self {
        match base {
            Base::Browsing => Mode::Browsing,
            Base::Detail(row) => Mode::Detail(row),
        }
    }
}
