/**
 * A seeded pseudo-random generator (sfc32: 128 bits of state) for benchmark data. Math.random
 * cannot be seeded, and the data must be the same on every machine and every run so that figures
 * from different runs describe the same log. 32 bits of state would not do: ids are drawn from it,
 * and millions of ids drawn from 2^32 states would collide.
 */
export class Random {
  #a: number
  #b: number
  #c: number
  #d: number

  constructor(seed: string) {
    // FNV-1a spreads the text over one word; a splitmix-style mixer derives the four state words.
    let hash = 0x811c9dc5
    for (let i = 0; i < seed.length; i++) {
      hash ^= seed.charCodeAt(i)
      hash = Math.imul(hash, 0x01000193)
    }
    const mix = (): number => {
      hash = (hash + 0x9e3779b9) | 0
      let z = hash
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
      return (z ^ (z >>> 16)) >>> 0
    }
    this.#a = mix()
    this.#b = mix()
    this.#c = mix()
    this.#d = mix()
    // The first outputs of a freshly seeded sfc32 are still close to its seed words.
    for (let i = 0; i < 12; i++) this.word()
  }

  /** 32 uniformly distributed bits, as an unsigned integer. */
  word(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0
    this.#d = (this.#d + 1) | 0
    this.#a = this.#b ^ (this.#b >>> 9)
    this.#b = (this.#c + (this.#c << 3)) | 0
    this.#c = (this.#c << 21) | (this.#c >>> 11)
    this.#c = (this.#c + t) | 0
    return t >>> 0
  }

  /** A number in [0, 1). */
  next(): number {
    return this.word() / 4294967296
  }

  /** An integer from `min` to `max`, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!
  }

  /** A version-4 UUID made of this generator's bits, so ids are as spread as real random ones. */
  uuid(): string {
    const hex = (word: number): string => word.toString(16).padStart(8, '0')
    const a = hex(this.word())
    const b = hex(this.word())
    const c = hex(this.word())
    const d = hex(this.word())
    const variant = ((parseInt(c[0]!, 16) & 0x3) | 0x8).toString(16)
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4, 8)}${d}`
  }
}
