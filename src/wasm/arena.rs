//! The npm package's allocator: one bump arena over the top of wasm memory, emptied when
//! the next input comes in.
//!
//! Every export call is self-contained: its input is written at the arena's base
//! ([`Arena::reset`] from `inputBuffer`), everything it allocates is dead once its result
//! has been read by the JS side, and no Rust value lives from one call to the next. So
//! allocation is a pointer bump, freeing is nothing (or a step back, for the newest
//! block), and growing the newest block (a `Vec` being filled) happens in place. This
//! replaces dlmalloc: measured in `make bench-js`, and smaller (see the README's
//! Performance section). Memory is never given back to the host, as with any wasm
//! allocator; a call's peak is its own.
//!
//! Only the package's module uses it (feature `npm`, outside `cfg(test)`): a Rust
//! program that links the crate into its own wasm keeps its own allocator.

use std::alloc::{GlobalAlloc, Layout};
use std::arch::wasm32;
use std::cell::Cell;
use std::ptr::null_mut;

const PAGE: usize = 65536;

/// Grow memory by at least this many pages at a time (1 MiB): fewer `memory.grow`
/// calls, each of which makes the JS side's views of memory stale.
const MIN_GROW_PAGES: usize = 16;

pub(super) struct Arena {
    /// Where the arena starts (the end of memory when it was first used); 0 before that.
    base: Cell<usize>,
    /// The next free byte.
    top: Cell<usize>,
    /// The end of memory.
    end: Cell<usize>,
}

// SAFETY: wasm32 without the atomics feature has one thread.
unsafe impl Sync for Arena {}

impl Arena {
    pub const fn new() -> Arena {
        Arena {
            base: Cell::new(0),
            top: Cell::new(0),
            end: Cell::new(0),
        }
    }

    fn start(&self) {
        if self.base.get() == 0 {
            let end = wasm32::memory_size(0).saturating_mul(PAGE);
            self.base.set(end);
            self.top.set(end);
            self.end.set(end);
        }
    }

    /// Makes memory reach `upto`; false when the host refuses more.
    fn reach(&self, upto: usize) -> bool {
        let end = self.end.get();
        if upto <= end {
            return true;
        }
        let needed = (upto - end).div_ceil(PAGE);
        // Grow by an eighth of what there is, at least: a large input grows memory in a
        // few steps, not page by page.
        let pages = needed.max(MIN_GROW_PAGES).max(end / PAGE / 8);
        let grown = if wasm32::memory_grow(0, pages) != usize::MAX {
            pages
        } else if pages > needed && wasm32::memory_grow(0, needed) != usize::MAX {
            needed
        } else {
            return false;
        };
        self.end.set(end.saturating_add(grown.saturating_mul(PAGE)));
        true
    }

    /// Empties the arena and makes room for `capacity` bytes at its base, of which the
    /// first `keep` (written there before) are kept; returns the base, or null when
    /// memory cannot grow that far. Every block allocated before is dead from here on.
    pub fn reset(&self, keep: usize, capacity: usize) -> *mut u8 {
        self.start();
        let base = self.base.get();
        let Some(upto) = base.checked_add(capacity.max(keep)) else {
            return null_mut();
        };
        if !self.reach(upto) {
            return null_mut();
        }
        self.top.set(upto);
        base as *mut u8
    }

    /// The first `len` bytes at the base (the input the JS side wrote there after
    /// [`Arena::reset`]); everything past them is free again.
    pub fn input(&self, len: usize) -> &'static [u8] {
        self.start();
        let base = self.base.get();
        let len = len.min(self.end.get() - base);
        self.top.set(base + len);
        // SAFETY: base..base + len is inside memory (len is clamped to its end), no block
        // is allocated there until the next reset, and u8 has no invalid values.
        unsafe { std::slice::from_raw_parts(base as *const u8, len) }
    }
}

// SAFETY: blocks never overlap (each starts at or after the top, which then moves past
// it), are aligned as asked, and stay valid until `reset`, which the exports call only
// when no block is live.
unsafe impl GlobalAlloc for Arena {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        self.start();
        let align = layout.align();
        let Some(start) = self
            .top
            .get()
            .checked_add(align - 1)
            .map(|t| t & !(align - 1))
        else {
            return null_mut();
        };
        let Some(top) = start.checked_add(layout.size()) else {
            return null_mut();
        };
        if !self.reach(top) {
            return null_mut();
        }
        self.top.set(top);
        start as *mut u8
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // The newest block goes back; others wait for the next reset.
        if (ptr as usize).wrapping_add(layout.size()) == self.top.get() {
            self.top.set(ptr as usize);
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let at = ptr as usize;
        if at.wrapping_add(layout.size()) == self.top.get() {
            // The newest block grows or shrinks in place.
            let Some(top) = at.checked_add(new_size) else {
                return null_mut();
            };
            if !self.reach(top) {
                return null_mut();
            }
            self.top.set(top);
            return ptr;
        }
        if new_size <= layout.size() {
            return ptr;
        }
        // SAFETY: the caller guarantees that `new_size`, rounded up to the alignment,
        // does not overflow isize (GlobalAlloc::realloc's contract).
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        // SAFETY: a non-zero size (it is larger than the old one).
        let new = unsafe { self.alloc(new_layout) };
        if !new.is_null() {
            // SAFETY: both blocks are valid for the old size and do not overlap (the
            // new one starts at or after the top, which is past the old one).
            unsafe { std::ptr::copy_nonoverlapping(ptr, new, layout.size()) };
        }
        new
    }
}
