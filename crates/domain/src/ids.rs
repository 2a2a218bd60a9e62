use uuid::Uuid;

/// Every record's id: UUID v7, so ids sort by creation time and index well.
pub type Id = Uuid;

pub fn new_id() -> Id {
    Uuid::now_v7()
}
