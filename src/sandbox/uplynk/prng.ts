/** mulberry32: a tiny seeded PRNG, so the sandbox data is the same on every start. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** 32 lowercase hex characters, the shape of Uplynk's asset and library GUIDs. */
  hex32(): string {
    let out = '';
    for (let i = 0; i < 4; i++) out += Math.floor(this.next() * 2 ** 32).toString(16).padStart(8, '0');
    return out;
  }

  /** Base62 text, the shape of Uplynk's test-player ids (e.g. Hak3zjnPLSW5o0j8GMpzRMsa). */
  base62(length: number): string {
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.next() * 62)];
    return out;
  }
}
