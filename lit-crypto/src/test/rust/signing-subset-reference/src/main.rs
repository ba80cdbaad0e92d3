// Reference values for lit4j's SigningSubset: same steps as the node's DeterministicSubset::get_subset.
use rand::seq::SliceRandom;
use rand::{rngs::StdRng, RngCore, SeedableRng};
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

fn generate_hash<T: Hash>(input: T) -> u64 { let mut s = DefaultHasher::new(); input.hash(&mut s); s.finish() }

fn subset(msg: &[u8], req: &[u8], n: u16, t: usize) -> Vec<u16> {
    let all: Vec<u16> = (0..n).collect();
    if t == all.len() { return all; }
    let mut to_hash = msg.to_vec(); to_hash.extend_from_slice(req);
    let h = generate_hash(&to_hash);
    let mut rng = StdRng::seed_from_u64(h);
    let mut s = all.clone(); s.shuffle(&mut rng);
    let mut s: Vec<u16> = s.into_iter().take(t).collect(); s.sort(); s
}

fn hex(b: &[u8]) -> String { b.iter().map(|x| format!("{:02x}", x)).collect() }

fn main() {
    // hash vectors
    for m in [&b""[..], &b"a"[..], &b"abcdefgh"[..], &[0u8; 32][..]] {
        println!("hash {} {:016x}", hex(m), generate_hash(&m.to_vec()));
    }
    // rng stream vectors
    for seed in [0u64, 1, 0xdeadbeefcafebabe] {
        let mut rng = StdRng::seed_from_u64(seed);
        let a: Vec<String> = (0..4).map(|_| format!("{:016x}", rng.next_u64())).collect();
        let mut rng = StdRng::seed_from_u64(seed);
        let b: Vec<String> = (0..4).map(|_| format!("{:08x}", rng.next_u32())).collect();
        println!("rng {:016x} u64 {} u32 {}", seed, a.join(","), b.join(","));
    }
    // shuffle of 0..n for a seed
    for (seed, n) in [(7u64, 5u16), (12345u64, 10u16), (u64::MAX, 100u16)] {
        let mut rng = StdRng::seed_from_u64(seed);
        let mut v: Vec<u16> = (0..n).collect(); v.shuffle(&mut rng);
        println!("shuffle {} {} {:?}", seed, n, v);
    }
    // subsets: message = 32 bytes i..i+32, request id ascii
    let mut msg = [0u8; 32];
    for i in 0..32 { msg[i] = i as u8; }
    for (n, t) in [(3u16, 2usize), (5, 3), (7, 4), (10, 6), (5, 5)] {
        for r in 0..6 {
            let req = format!("lit_{}", r);
            println!("subset {} {} {} {} {:?}", hex(&msg), req, n, t, subset(&msg, req.as_bytes(), n, t));
        }
    }
}
