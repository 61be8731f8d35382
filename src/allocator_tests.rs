//! Tests of `allocator`, kept beside it. Natively the allocator takes its pages from the system allocator.

use super::{class_of, SizeClasses};
use core::alloc::{GlobalAlloc, Layout};

#[test]
fn classes_are_the_smallest_power_of_two_that_fits() {
    assert_eq!(class_of(1, 1), 0);
    assert_eq!(class_of(16, 8), 0);
    assert_eq!(class_of(17, 1), 1);
    assert_eq!(class_of(32, 4), 1);
    assert_eq!(class_of(33, 8), 2);
    assert_eq!(class_of(8, 64), 2);
    assert_eq!(class_of(65536, 8), 12);
    assert_eq!(class_of(65537, 8), 13);
    assert_eq!(class_of(1 << 31, 8), 27);
    for size in 1..5000usize {
        let c = class_of(size, 1);
        let block = 1usize << (c + 4);
        assert!(block >= size && (c == 0 || block / 2 < size), "size {size}: class {c}");
    }
}

#[test]
fn blocks_are_aligned_disjoint_reused_and_keep_their_bytes() {
    let a = SizeClasses::new();
    let mut live: Vec<(*mut u8, Layout, u8)> = Vec::new();
    let mut seed = 12345u64;
    let mut rand = |n: u64| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    for step in 0..4000u32 {
        if live.len() > 40 || (rand(3) == 0 && !live.is_empty()) {
            let i = rand(live.len() as u64) as usize;
            let (p, l, fill) = live.swap_remove(i);
            // SAFETY: `p` was allocated with `l` and filled with `fill`.
            unsafe {
                assert!((0..l.size()).all(|i| *p.add(i) == fill), "block lost its bytes");
                a.dealloc(p, l);
            }
        } else {
            let big = rand(10) == 0;
            let size = 1 + rand(if big { 300_000 } else { 200 }) as usize;
            let l = Layout::from_size_align(size, 1 << rand(7)).unwrap_or(Layout::new::<u8>());
            // SAFETY: non-zero size; the block is written only within its size.
            let p = unsafe { a.alloc(l) };
            assert!(!p.is_null() && p as usize % l.align() == 0, "step {step}: bad block");
            for &(q, m, _) in &live {
                let (x, y) = (p as usize, q as usize);
                assert!(x + l.size() <= y || y + m.size() <= x, "step {step}: blocks overlap");
            }
            let fill = step as u8;
            unsafe { core::ptr::write_bytes(p, fill, size) };
            live.push((p, l, fill));
        }
    }
    // A freed block is what the next allocation of its class gets.
    let l = Layout::from_size_align(100, 8).unwrap_or(Layout::new::<u8>());
    unsafe {
        let p = a.alloc(l);
        a.dealloc(p, l);
        assert_eq!(a.alloc(Layout::from_size_align(120, 4).unwrap_or(l)), p);
    }
}

#[test]
fn realloc_keeps_the_block_within_its_class_and_the_bytes_across_classes() {
    let a = SizeClasses::new();
    let l = Layout::from_size_align(20, 4).unwrap_or(Layout::new::<u8>());
    unsafe {
        let p = a.alloc(l);
        core::ptr::copy_nonoverlapping(b"0123456789abcdefghij".as_ptr(), p, 20);
        assert_eq!(a.realloc(p, l, 30), p, "20 and 30 bytes share the 32-byte class");
        let q = a.realloc(p, Layout::from_size_align(30, 4).unwrap_or(l), 1000);
        assert_ne!(q, p);
        assert_eq!(core::slice::from_raw_parts(q, 20), b"0123456789abcdefghij");
    }
}
