//! Milliseconds from a monotonic clock, in both hosts (std's `Instant` panics on wasm32).

#[cfg(not(target_arch = "wasm32"))]
pub fn now_ms() -> f64 {
    use std::sync::OnceLock;
    use std::time::Instant;
    static START: OnceLock<Instant> = OnceLock::new();
    START.get_or_init(Instant::now).elapsed().as_secs_f64() * 1000.0
}

#[cfg(target_arch = "wasm32")]
pub fn now_ms() -> f64 {
    crate::web::performance_now()
}

/// A deadline for one analysis: stages check it and stop early with what they have.
#[derive(Clone, Copy, Debug)]
pub struct Budget {
    deadline: f64,
}

impl Budget {
    pub fn new(ms: f64) -> Self {
        Budget {
            deadline: now_ms() + ms,
        }
    }
    pub fn unlimited() -> Self {
        Budget {
            deadline: f64::INFINITY,
        }
    }
    pub fn exceeded(&self) -> bool {
        now_ms() > self.deadline
    }
}
