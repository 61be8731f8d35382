//! The browser build's memory allocator: power-of-two size classes with a free list each.
//!
//! Why not the default (dlmalloc): it was ~4.5 KB of the page's brotli bytes (issue 5, 120 KB budget). This
//! one is a few hundred bytes. A block is 16 B … 2 GiB; a freed block goes on its class's list and serves
//! the next allocation of that class, so the page's repeated work (a slider drag, a risk run) reuses the
//! same blocks and memory stays bounded. Memory comes from `memory.grow` and, as with dlmalloc, is never
//! given back. The page's WASM runs on one thread, which is what makes the unsynchronised state sound.

use core::alloc::{GlobalAlloc, Layout};
use core::cell::UnsafeCell;
use core::ptr::null_mut;

const MIN_SHIFT: u32 = 4;
/// Classes 16 B (2^4) … 2 GiB (2^31): every block size fits a 32-bit `usize`.
const CLASSES: usize = 28;
const PAGE: usize = 65536;
/// Blocks are aligned to their size up to this, so any block serves any layout of its class.
const MAX_ALIGN: usize = 4096;

/// The size class of a layout: the smallest power of two ≥ size and alignment (and ≥ 16 B), as an index.
pub fn class_of(size: usize, align: usize) -> usize {
    let n = size.max(align).max(1 << MIN_SHIFT);
    (usize::BITS - (n - 1).leading_zeros() - MIN_SHIFT) as usize
}

struct State {
    /// Head of each class's free list (0 = empty); each free block stores the next one's address.
    free: [usize; CLASSES],
    /// The unused rest of the last chunk taken from `memory.grow`.
    next: usize,
    end: usize,
}

pub struct SizeClasses(UnsafeCell<State>);

// SAFETY: the browser build has no threads (no `atomics` target feature), so nothing runs concurrently.
unsafe impl Sync for SizeClasses {}

impl SizeClasses {
    pub const fn new() -> Self {
        SizeClasses(UnsafeCell::new(State { free: [0; CLASSES], next: 0, end: 0 }))
    }
}

impl Default for SizeClasses {
    fn default() -> Self {
        Self::new()
    }
}

unsafe impl GlobalAlloc for SizeClasses {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let c = class_of(layout.size(), layout.align());
        if c >= CLASSES || layout.align() > MAX_ALIGN {
            return null_mut();
        }
        // SAFETY: single-threaded (see above) and not re-entered: nothing here allocates.
        let st = unsafe { &mut *self.0.get() };
        let head = st.free[c];
        if head != 0 {
            // SAFETY: `head` is a free block of this class; its first word holds the next free block.
            st.free[c] = unsafe { *(head as *const usize) };
            return head as *mut u8;
        }
        let size = 1usize << (c as u32 + MIN_SHIFT);
        let align = size.min(MAX_ALIGN);
        let fits = |next: usize, end: usize| {
            let start = next.checked_add(align - 1)? & !(align - 1);
            (start.checked_add(size)? <= end).then_some(start)
        };
        let start = match fits(st.next, st.end) {
            Some(start) => start,
            None => {
                let Some(pages) = size.checked_add(align).map(|n| n.div_ceil(PAGE).max(16)) else { return null_mut() };
                let old = grow(pages);
                if old == usize::MAX {
                    return null_mut();
                }
                let base = old * PAGE;
                // Continue the last chunk when the new pages follow it; otherwise its rest is left unused.
                if base != st.end {
                    st.next = base;
                }
                st.end = base + pages * PAGE;
                match fits(st.next, st.end) {
                    Some(start) => start,
                    None => return null_mut(),
                }
            }
        };
        st.next = start + size;
        start as *mut u8
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let c = class_of(layout.size(), layout.align());
        // SAFETY: as in `alloc`; `ptr` is a block of class `c` (it was allocated with this layout), at least
        // 16 bytes and word-aligned, so its first word can hold the list link.
        unsafe {
            let st = &mut *self.0.get();
            *(ptr as *mut usize) = st.free[c];
            st.free[c] = ptr as usize;
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // Growing or shrinking within the block's class keeps the block.
        if class_of(new_size, layout.align()) == class_of(layout.size(), layout.align()) {
            return ptr;
        }
        // SAFETY: the caller guarantees a valid layout for `new_size`; copy the smaller of the two sizes.
        unsafe {
            let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
            let new = self.alloc(new_layout);
            if !new.is_null() {
                core::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
            new
        }
    }
}

/// Adds `pages` pages of 64 KiB; returns the index of the first one (`usize::MAX` if there is no memory).
#[cfg(target_arch = "wasm32")]
fn grow(pages: usize) -> usize {
    core::arch::wasm32::memory_grow(0, pages)
}

/// Natively (tests) a page-aligned chunk from the system allocator stands in for new WASM pages.
#[cfg(not(target_arch = "wasm32"))]
fn grow(pages: usize) -> usize {
    match Layout::from_size_align(pages * PAGE, PAGE) {
        // SAFETY: the layout has a non-zero size.
        Ok(l) => match unsafe { std::alloc::alloc(l) } {
            p if p.is_null() => usize::MAX,
            p => p as usize / PAGE,
        },
        Err(_) => usize::MAX,
    }
}

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: SizeClasses = SizeClasses::new();

#[cfg(test)]
#[path = "allocator_tests.rs"]
mod tests;
