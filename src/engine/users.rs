//! Several users on one device. Access is decided by the head of the unit and administered by a local
//! administrator (seed 004): the first user is the administrator; only an administrator adds or removes users and
//! sets who else administers; each user changes their own passphrase. The store keeps, per user, the case key
//! wrapped under a key derived from that user's passphrase, so none of this re-encrypts a case. These are the
//! rules of the list itself; the store applies them before it writes.

/// One user of the device: a name (shown in the unlock form and written in the case log as "who acts") and
/// whether the user administers the device's users.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub name: String,
    pub admin: bool,
}

/// The longest name a user may have (it is shown in lists and logs).
pub const MAX_NAME_CHARS: usize = 60;

/// Why a change of the user list is refused; each message says what to do and that nothing changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UserError {
    NameMissing,
    NameTooLong,
    NameTaken,
    Unknown,
    NotAdmin,
    RemoveSelf,
    LastAdmin,
}

impl UserError {
    pub fn message_sv(&self) -> &'static str {
        match self {
            UserError::NameMissing => "Skriv användarens namn. Ingenting har ändrats.",
            UserError::NameTooLong => "Namnet får vara högst 60 tecken. Ingenting har ändrats.",
            UserError::NameTaken => {
                "Det finns redan en användare med det namnet på enheten. Välj ett annat namn (till exempel med efternamn). Ingenting har ändrats."
            }
            UserError::Unknown => "Användaren finns inte på enheten. Ingenting har ändrats.",
            UserError::NotAdmin => {
                "Bara en administratör kan lägga till och ta bort användare. Ingenting har ändrats."
            }
            UserError::RemoveSelf => {
                "Du kan inte ta bort dig själv. Be en annan administratör. Ingenting har ändrats."
            }
            UserError::LastAdmin => {
                "Enheten måste ha minst en administratör. Gör någon annan till administratör först. Ingenting har ändrats."
            }
        }
    }
}

/// The name as it is kept: trimmed, inner runs of white space made one space.
pub fn normalise_name(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn find<'a>(users: &'a [User], name: &str) -> Option<&'a User> {
    users.iter().find(|u| u.name == name)
}

fn must_administer(users: &[User], actor: &str) -> Result<(), UserError> {
    match find(users, actor) {
        Some(u) if u.admin => Ok(()),
        _ => Err(UserError::NotAdmin),
    }
}

/// A name for a new user: present, at most [`MAX_NAME_CHARS`], not another user's (letter case ignored, so the
/// unlock list never shows two names a person cannot tell apart). Returns the name as kept.
pub fn check_new_name(users: &[User], name: &str) -> Result<String, UserError> {
    let name = normalise_name(name);
    if name.is_empty() {
        return Err(UserError::NameMissing);
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(UserError::NameTooLong);
    }
    let lower = name.to_lowercase();
    if users.iter().any(|u| u.name.to_lowercase() == lower) {
        return Err(UserError::NameTaken);
    }
    Ok(name)
}

/// The name of a device's first user when none is given: the one passphrase of an older store becomes this user.
pub const FIRST_USER_DEFAULT: &str = "Administratör";

/// The first user of a device (set up, or the one passphrase of an older store) administers it; without a name
/// they are [`FIRST_USER_DEFAULT`].
pub fn first_user(name: &str) -> Result<User, UserError> {
    let name = if normalise_name(name).is_empty() {
        FIRST_USER_DEFAULT
    } else {
        name
    };
    Ok(User {
        name: check_new_name(&[], name)?,
        admin: true,
    })
}

/// `actor` adds a user: only an administrator, with a free name. The new user does not administer.
pub fn add(users: &mut Vec<User>, actor: &str, name: &str) -> Result<User, UserError> {
    must_administer(users, actor)?;
    let user = User {
        name: check_new_name(users, name)?,
        admin: false,
    };
    users.push(user.clone());
    Ok(user)
}

/// `actor` removes a user: only an administrator, never themself (the device keeps someone who can unlock it and
/// administer), never the last administrator.
pub fn remove(users: &mut Vec<User>, actor: &str, name: &str) -> Result<(), UserError> {
    must_administer(users, actor)?;
    let target = find(users, name).ok_or(UserError::Unknown)?;
    if target.name == actor {
        return Err(UserError::RemoveSelf);
    }
    users.retain(|u| u.name != name);
    Ok(())
}

/// `actor` sets whether `name` administers: only an administrator; at least one administrator remains.
pub fn set_admin(
    users: &mut [User],
    actor: &str,
    name: &str,
    admin: bool,
) -> Result<(), UserError> {
    must_administer(users, actor)?;
    find(users, name).ok_or(UserError::Unknown)?;
    if !admin && users.iter().filter(|u| u.admin && u.name != name).count() == 0 {
        return Err(UserError::LastAdmin);
    }
    for u in users.iter_mut().filter(|u| u.name == name) {
        u.admin = admin;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn device() -> Vec<User> {
        vec![first_user(" Anna  Berg ").unwrap()]
    }

    #[test]
    fn the_first_user_administers_and_the_name_is_tidied() {
        let users = device();
        assert_eq!(users[0].name, "Anna Berg");
        assert!(users[0].admin);
        assert_eq!(first_user("   ").unwrap().name, FIRST_USER_DEFAULT);
        assert_eq!(first_user(&"x".repeat(61)), Err(UserError::NameTooLong));
    }

    #[test]
    fn only_an_administrator_adds_and_names_are_unique() {
        let mut users = device();
        let bo = add(&mut users, "Anna Berg", "Bo Ek").unwrap();
        assert!(!bo.admin);
        assert_eq!(
            add(&mut users, "Bo Ek", "Cai Lind"),
            Err(UserError::NotAdmin)
        );
        assert_eq!(
            add(&mut users, "Anna Berg", "bo ek"),
            Err(UserError::NameTaken)
        );
        assert_eq!(
            add(&mut users, "Anna Berg", &"x".repeat(61)),
            Err(UserError::NameTooLong)
        );
        assert_eq!(users.len(), 2);
    }

    #[test]
    fn removing_needs_an_administrator_and_never_removes_oneself() {
        let mut users = device();
        add(&mut users, "Anna Berg", "Bo Ek").unwrap();
        assert_eq!(
            remove(&mut users, "Bo Ek", "Anna Berg"),
            Err(UserError::NotAdmin)
        );
        assert_eq!(
            remove(&mut users, "Anna Berg", "Anna Berg"),
            Err(UserError::RemoveSelf)
        );
        assert_eq!(
            remove(&mut users, "Anna Berg", "Cai"),
            Err(UserError::Unknown)
        );
        remove(&mut users, "Anna Berg", "Bo Ek").unwrap();
        assert_eq!(users, device());
    }

    #[test]
    fn at_least_one_administrator_remains() {
        let mut users = device();
        add(&mut users, "Anna Berg", "Bo Ek").unwrap();
        assert_eq!(
            set_admin(&mut users, "Anna Berg", "Anna Berg", false),
            Err(UserError::LastAdmin)
        );
        set_admin(&mut users, "Anna Berg", "Bo Ek", true).unwrap();
        set_admin(&mut users, "Bo Ek", "Anna Berg", false).unwrap();
        assert!(!users[0].admin && users[1].admin);
        assert_eq!(
            set_admin(&mut users, "Anna Berg", "Bo Ek", false),
            Err(UserError::NotAdmin)
        );
    }
}
