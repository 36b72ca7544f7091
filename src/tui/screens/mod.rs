//! One file per screen: how it reads keys and how it draws.

pub mod compare;
pub mod help;
pub mod home;
pub mod interview;
pub mod new_form;
pub mod plan;
pub mod progress;
pub mod summary;
