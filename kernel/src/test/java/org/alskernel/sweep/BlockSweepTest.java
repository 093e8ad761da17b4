package org.alskernel.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.alskernel.data.CsrMatrix;
import org.alskernel.linalg.AugmentedGram;
import org.alskernel.linalg.EntryWeights;
import org.alskernel.linalg.Factors;
import org.alskernel.linalg.Gram;
import org.alskernel.linalg.RowProblem;
import org.alskernel.linalg.RowTerms;
import org.alskernel.model.VariantModelsTest;
import org.alskernel.parallel.ParallelRunner;
import org.alskernel.simd.VectorOps;
import org.alskernel.simd.VectorOpsProvider;
import org.alskernel.train.AlsConfig;
import org.alskernel.train.AlsSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The public block sweep, called as another engine would call it: the users of a matrix cut into 1,
 * 3 and 7 blocks of consecutive rows (each a CSR slice with its row ids), each block solved on its
 * own against the trainer's item factors and Gram terms. Every block's factors and biases are bit for
 * bit what the trainer's own user half-sweep wrote for those rows.
 */
class BlockSweepTest {
  private static final ForkJoinPool POOL = new ForkJoinPool(2);
  private static final CsrMatrix R = VariantModelsTest.ratings(17, 150, 70);

  @AfterAll
  static void shutdown() {
    POOL.shutdown();
  }

  static Stream<AlsConfig.Builder> configs() {
    AlsConfig.Builder base = AlsConfig.builder().factors(9).lambda(0.5f).alpha(3f).initScale(0.1f)
        .pool(POOL);
    return Stream.of(
        base,
        AlsConfig.builder().factors(9).lambda(0.5f).alpha(3f).initScale(0.1f).pool(POOL)
            .variant(AlsVariant.IMPLICIT_BIASED).logConfidence(2f),
        AlsConfig.builder().factors(9).lambda(0.05f).initScale(0.1f).pool(POOL)
            .variant(AlsVariant.EXPLICIT_BIASED).lambdaScaledByCount(true)
            .weighting(ExplicitWeighting.linearPopularity(0.5f, 3f)),
        AlsConfig.builder().factors(9).lambda(0.5f).alpha(3f).initScale(0.1f).pool(POOL)
            .conjugateGradient(2),
        // wide rows: conjugate gradient takes four rows together, the blocks pair them otherwise
        AlsConfig.builder().factors(120).lambda(0.5f).alpha(3f).initScale(0.1f).pool(POOL)
            .conjugateGradient(3),
        // biased neighbours are gathered for every product: the other path of conjugate gradient
        AlsConfig.builder().factors(9).lambda(0.5f).alpha(3f).initScale(0.1f).pool(POOL)
            .variant(AlsVariant.IMPLICIT_BIASED).conjugateGradient(3),
        // frequency-scaled λ counts the other side's rows: a block must see the whole side's
        AlsConfig.builder().factors(9).lambda(0.05f).alpha(3f).initScale(0.1f).pool(POOL).nu(0.6f),
        AlsConfig.builder().factors(9).lambda(0.05f).initScale(0.1f).pool(POOL)
            .variant(AlsVariant.EXPLICIT).nu(1f));
  }

  @ParameterizedTest
  @MethodSource("configs")
  void anyBlockingGivesTheTrainersBits(AlsConfig.Builder builder) {
    AlsConfig config = builder.build();
    try (AlsSession session = new AlsSession(R, config)) {
      session.iterate();
      session.iterate();
      SessionSides sides = new SessionSides(session, config, R);
      // users against the items, then items against the new users (whose weights need row ids)
      Factors items = sides.items();
      Factors users = sides.users();
      session.updateUsers();
      Factors newUsers = sides.users();
      assertBlocksMatch(config, R, "user", sides.userWeights(), items, users, newUsers);
      session.updateItems();
      Factors newItems = sides.items();
      assertBlocksMatch(config, R.transpose(), "item", sides.itemWeights(), newUsers, items,
          newItems);
    }
  }

  /** Solves {@code rows} against {@code other} in 1, 3 and 7 blocks; each must give {@code expected}. */
  private static void assertBlocksMatch(AlsConfig config, CsrMatrix rows, String side,
      EntryWeights explicitWeights, Factors other, Factors current, Factors expected) {
    VectorOps ops = VectorOpsProvider.get();
    boolean explicit = config.variant().isExplicit();
    float[] gram = null;
    float[] rhs = null;
    if (!explicit) {
      gram = Gram.of(ops, other, new ParallelRunner(null));
      rhs = AugmentedGram.augmentInPlace(gram, other);
    }
    RowTerms terms = config.equation().rowTerms(side, explicitWeights, other.rows);
    for (int blocks : new int[] {1, 3, 7}) {
      BlockSweep sweep = new BlockSweep(ops, new ParallelRunner(POOL), config.solver(),
          config.cgSteps(), other.stride, true);
      for (int b = 0; b < blocks; b++) {
        int from = rows.rows() * b / blocks;
        int to = rows.rows() * (b + 1) / blocks;
        int[] ids = new int[to - from];
        for (int j = 0; j < ids.length; j++) {
          ids[j] = from + j;
        }
        Factors out = new Factors(to - from, other.k, other.stride, other.biased);
        sweep.solve(new RowProblem(terms, rows.rowSlice(from, to), ids, gram, rhs, other),
            rows(current, from, to), out, () -> false);
        for (int r = from; r < to; r++) {
          for (int f = 0; f < out.unknowns(); f++) {
            assertEquals(Float.floatToRawIntBits(expected.data[expected.rowStart(r) + f]),
                Float.floatToRawIntBits(out.data[out.rowStart(r - from) + f]),
                config.variant() + ", " + blocks + " blocks: " + side + " " + r + ", unknown " + f);
          }
        }
      }
    }
  }

  private static Factors rows(Factors all, int from, int to) {
    Factors f = new Factors(to - from, all.k, all.stride, all.biased);
    System.arraycopy(all.data, all.rowStart(from), f.data, f.rowStart(0), (to - from) * all.stride);
    return f;
  }
}
