//! People work can be assigned to.

use ippdesk_domain::{Id, Person, PersonDraft};

use super::audit;
use crate::codec::not_found;
use crate::sql::{AsId, Row};
use crate::{open::Db, Result, StoreError, Tx};

fn from_row(r: &Row) -> Result<Person> {
    Ok(Person {
        id: r.id(0)?,
        draft: PersonDraft {
            name: r.get(1)?,
            email: r.get(2)?,
        },
    })
}

pub fn all(db: &impl Db) -> Result<Vec<Person>> {
    let sql = db.sql();
    sql.query(
        sql.pick(
            "SELECT id, name, email FROM people ORDER BY name COLLATE NOCASE",
            "SELECT id, name, email FROM people ORDER BY lower(name), name",
        ),
        &[],
        from_row,
    )
}

pub fn get(db: &impl Db, id: Id) -> Result<Person> {
    db.sql()
        .query_opt(
            "SELECT id, name, email FROM people WHERE id = $1",
            &[&AsId(id)],
            from_row,
        )?
        .ok_or_else(|| not_found("person", id))
}

pub fn insert(tx: &Tx, p: &Person) -> Result<()> {
    tx.sql()
        .execute(
            "INSERT INTO people (id, name, email, created_at) VALUES ($1, $2, $3, $4)",
            &[
                &AsId(p.id),
                &p.draft.name.trim(),
                &p.draft.email.trim(),
                &ippdesk_domain::now(),
            ],
        )
        .map_err(|e| StoreError::from_write(e, "person"))?;
    audit::record(tx, "create", "person", p.id, None, Some(p))
}

pub fn update(tx: &Tx, p: &Person) -> Result<()> {
    let before = get(tx, p.id)?;
    tx.sql()
        .execute(
            "UPDATE people SET name = $2, email = $3 WHERE id = $1",
            &[&AsId(p.id), &p.draft.name.trim(), &p.draft.email.trim()],
        )
        .map_err(|e| StoreError::from_write(e, "person"))?;
    audit::record(tx, "update", "person", p.id, Some(&before), Some(p))
}

pub fn delete(tx: &Tx, id: Id) -> Result<()> {
    let before = get(tx, id)?;
    tx.sql()
        .execute("DELETE FROM people WHERE id = $1", &[&AsId(id)])?;
    audit::record(tx, "delete", "person", id, Some(&before), None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::each_store;
    use ippdesk_domain::new_id;

    fn person(name: &str) -> Person {
        Person {
            id: new_id(),
            draft: PersonDraft {
                name: name.into(),
                email: String::new(),
            },
        }
    }

    #[test]
    fn people_by_name_whatever_the_case_and_unique() {
        each_store(|mut s| {
            let (a, b, c) = (person(" wang Fang "), person("Li Lei"), person("zhao"));
            s.write(|tx| {
                insert(tx, &a)?;
                insert(tx, &b)?;
                insert(tx, &c)
            })
            .unwrap();
            let names: Vec<_> = all(&s).unwrap().into_iter().map(|p| p.draft.name).collect();
            assert_eq!(names, ["Li Lei", "wang Fang", "zhao"]);

            let err = s.write(|tx| insert(tx, &person("Li Lei"))).unwrap_err();
            assert!(matches!(err, StoreError::Duplicate(_)), "{err:?}");

            let mut b2 = b.clone();
            b2.draft.email = "li@example.com".into();
            s.write(|tx| update(tx, &b2)).unwrap();
            assert_eq!(get(&s, b.id).unwrap(), b2);

            s.write(|tx| delete(tx, c.id)).unwrap();
            assert!(matches!(get(&s, c.id), Err(StoreError::NotFound(_))));
            assert_eq!(audit::for_entity(&s, b.id).unwrap().len(), 2);
        });
    }
}
