/**
 * The studio's seeded holdout in plain Python, so the script scores exactly the rows the studio held out (and
 * can prove it: the row numbers' SHA-256 equals the model lineage's testRowsSha256). It is Quarry's
 * trainTestSplit (packages/ml/src/model-selection/train-test-split.ts) with its generator, xoshiro128** seeded
 * by SplitMix32 (packages/ml/src/core/rng.ts), line for line. Deriving the rows is more honest than pasting a
 * list of a thousand row numbers into the script: it works on the learner's file and shows how the split is made.
 */
export const PYTHON_STUDIO_HOLDOUT = `class QuarryRandom:
    """Quarry's seeded generator (xoshiro128**, seeded by SplitMix32): the same numbers as the studio's."""

    MASK = 0xFFFFFFFF

    def __init__(self, seed):
        z, self.s = seed & self.MASK, []
        for _ in range(4):
            z = (z + 0x9E3779B9) & self.MASK
            t = ((z ^ (z >> 16)) * 0x85EBCA6B) & self.MASK
            t = ((t ^ (t >> 13)) * 0xC2B2AE35) & self.MASK
            self.s.append(t ^ (t >> 16))

    @classmethod
    def rotl(cls, x, k):
        return ((x << k) | (x >> (32 - k))) & cls.MASK

    def next_uint32(self):
        s = self.s
        result = (self.rotl((s[1] * 5) & self.MASK, 7) * 9) & self.MASK
        t = (s[1] << 9) & self.MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = self.rotl(s[3], 11)
        return result

    def next_int(self, n):
        limit = 2**32 - (2**32 % n)
        x = self.next_uint32()
        while x >= limit:
            x = self.next_uint32()
        return x % n

    def shuffle(self, values):
        for i in range(len(values) - 1, 0, -1):
            j = self.next_int(i + 1)
            values[i], values[j] = values[j], values[i]
        return values


def studio_holdout(y, test_size, seed, stratify):
    """Positions of the holdout rows, as the studio draws them (sklearn's train_test_split draws others)."""
    n = len(y)
    n_test = math.ceil(test_size * n)
    rng = QuarryRandom(seed)
    if not stratify:
        return np.sort(rng.shuffle(list(range(n)))[:n_test])
    classes = sorted(set(y))
    members = [[i for i, label in enumerate(y) if label == c] for c in classes]
    quota = [len(m) * n_test / n for m in members]
    take = [math.floor(q) for q in quota]
    left = n_test - sum(take)
    for k in sorted(range(len(classes)), key=lambda k: (-(quota[k] - take[k]), k)):
        if left <= 0:
            break
        take[k] += 1
        left -= 1
    test = []
    for k, rows in enumerate(members):
        rng.shuffle(rows)
        t = 0 if len(rows) < 2 else min(len(rows) - 1, max(1, take[k]))
        test += rows[:t]
    return np.sort(test)`;
