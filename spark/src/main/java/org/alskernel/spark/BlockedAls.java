package org.alskernel.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.alskernel.spark.InitialFactors.Side;
import org.alskernel.sweep.AlsVariant;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * Blocked ALS on Spark's public RDD API (docs/distributed.md). The ratings are grouped once into user
 * blocks and item blocks ({@link InBlock}), and each block learns once which of its rows every block
 * of the other side needs ({@link OutBlock}). A half-sweep then
 *
 * <ol>
 *   <li>sums the fixed side's Gram matrix from one partial sum per block, added on the driver in
 *       block order (so the sum, and every factor after it, is the same in every run);
 *   <li>ships each fixed block's rows to the blocks that need them, and nothing else;
 *   <li>solves each block in one task with the kernel's block sweep.
 * </ol>
 *
 * Spark schedules, shuffles, caches, checkpoints and recomputes lost tasks; a block's result depends
 * only on its inputs, so a recomputed task gives the same bits.
 */
final class BlockedAls {
  private static final Logger LOG = LoggerFactory.getLogger(BlockedAls.class);

  /** How a fit runs: block counts, iterations, seed, checkpointing, storage, and the solve. */
  record Plan(int userBlocks, int itemBlocks, int maxIter, long seed, int checkpointInterval,
      StorageLevel intermediate, StorageLevel finalLevel, SolveSettings solve) {}

  /** One side's blocks: their ratings, what they send, and how many rows the side has. */
  record SideBlocks(String name, Blocks blocks, JavaPairRDD<Integer, InBlock> in,
      JavaPairRDD<Integer, OutBlock> out, long rows) {}

  /** A fit's result: both sides' blocks and factor rows (block → rows in the in-block's id order). */
  record Fitted(SideBlocks users, JavaPairRDD<Integer, float[]> userFactors, SideBlocks items,
      JavaPairRDD<Integer, float[]> itemFactors, float mean) {}

  private final JavaSparkContext sc;
  private final Plan plan;

  private BlockedAls(JavaSparkContext sc, Plan plan) {
    this.sc = sc;
    this.plan = plan;
  }

  static Fitted fit(JavaSparkContext sc, JavaRDD<Rating> ratings, Plan plan) {
    return new BlockedAls(sc, plan).run(ratings);
  }

  private Fitted run(JavaRDD<Rating> ratings) {
    SolveSettings s = plan.solve();
    Blocks userBlocks = new Blocks(plan.userBlocks());
    Blocks itemBlocks = new Blocks(plan.itemBlocks());
    JavaPairRDD<Integer, InBlock> userIn = inBlocks(ratings, "user", userBlocks, itemBlocks);
    JavaPairRDD<Integer, InBlock> itemIn = inBlocks(ratings.map(Rating::swapped), "item",
        itemBlocks, userBlocks);
    // one job for the counts and μ, which also materialises the user blocks
    List<Tuple2<Integer, double[]>> stats = new ArrayList<>(userIn.mapValues(b -> new double[] {
        b.ids.length, b.values.length, sum(b.values)}).collect());
    stats.sort(Comparator.comparing(Tuple2::_1));
    double users = 0;
    double entries = 0;
    double total = 0;
    for (Tuple2<Integer, double[]> block : stats) {
      users += block._2()[0];
      entries += block._2()[1];
      total += block._2()[2];
    }
    if (entries == 0) {
      throw new IllegalArgumentException("the input has no ratings to train on");
    }
    float mean = s.variant() == AlsVariant.EXPLICIT_BIASED ? (float) (total / entries) : 0f;
    long items = itemIn.mapValues(b -> (long) b.ids.length).values().reduce(Long::sum);
    SideBlocks userSide = new SideBlocks("user", userBlocks, userIn,
        outBlocks(itemIn, userIn, userBlocks, itemBlocks), (long) users);
    SideBlocks itemSide = new SideBlocks("item", itemBlocks, itemIn,
        outBlocks(userIn, itemIn, itemBlocks, userBlocks), items);

    long seed = plan.seed();
    int k = s.rank();
    int width = s.width();
    float scale = s.initScale();
    JavaPairRDD<Integer, float[]> userFactors = userIn.mapValues(
        b -> InitialFactors.block(seed, Side.USER, b.ids, k, width, scale));
    JavaPairRDD<Integer, float[]> itemFactors = itemIn.mapValues(
        b -> InitialFactors.block(seed, Side.ITEM, b.ids, k, width, scale));
    userFactors.persist(plan.intermediate());
    itemFactors.persist(plan.intermediate());
    boolean checkpoints = checkpointing();
    JavaPairRDD<Integer, float[]> checkpointedUsers = null;
    JavaPairRDD<Integer, float[]> checkpointedItems = null;
    for (int iteration = 1; iteration <= plan.maxIter(); iteration++) {
      boolean checkpoint = checkpoints && iteration % plan.checkpointInterval() == 0;
      JavaPairRDD<Integer, float[]> newUsers =
          halfSweep(userSide, itemSide, itemFactors, userFactors, mean, iteration, checkpoint);
      JavaPairRDD<Integer, float[]> newItems =
          halfSweep(itemSide, userSide, newUsers, itemFactors, mean, iteration, checkpoint);
      newItems.count();
      userFactors.unpersist(false);
      itemFactors.unpersist(false);
      if (checkpoint) {
        deleteCheckpoint(checkpointedUsers);
        deleteCheckpoint(checkpointedItems);
        checkpointedUsers = newUsers;
        checkpointedItems = newItems;
      }
      userFactors = newUsers;
      itemFactors = newItems;
    }
    return new Fitted(userSide, userFactors, itemSide, itemFactors, mean);
  }

  private static double sum(float[] values) {
    double sum = 0;
    for (float v : values) {
      sum += v;
    }
    return sum;
  }

  private JavaPairRDD<Integer, InBlock> inBlocks(JavaRDD<Rating> ratings, String side,
      Blocks blocks, Blocks other) {
    JavaPairRDD<Integer, InBlock> in = ratings
        .mapToPair(r -> new Tuple2<>(blocks.blockOf(r.user()), r))
        .aggregateByKey(new RatingBuffer(), blocks,
            (buffer, r) -> buffer.add(r.user(), r.item(), r.rating()), RatingBuffer::addAll)
        .mapValues(buffer -> InBlock.of(buffer, side, other))
        .setName(side + " blocks");
    in.persist(plan.intermediate());
    return in;
  }

  /** What each block of {@code senders} ships to the blocks of {@code receivers}. */
  private JavaPairRDD<Integer, OutBlock> outBlocks(JavaPairRDD<Integer, InBlock> receivers,
      JavaPairRDD<Integer, InBlock> senders, Blocks senderBlocks, Blocks receiverBlocks) {
    int receiverCount = receiverBlocks.numPartitions();
    JavaPairRDD<Integer, OutBlock> out = receivers
        .flatMapToPair(t -> {
          List<Tuple2<Integer, Tuple2<Integer, long[]>>> requests = new ArrayList<>();
          long[][] needed = t._2().needed;
          for (int from = 0; from < needed.length; from++) {
            if (needed[from].length > 0) {
              requests.add(new Tuple2<>(from, new Tuple2<>(t._1(), needed[from])));
            }
          }
          return requests.iterator();
        })
        .groupByKey(senderBlocks)
        .join(senders)
        .mapValues(t -> OutBlock.of(t._1(), t._2(), receiverCount))
        .setName("what each block sends");
    out.persist(plan.intermediate());
    return out;
  }

  /**
   * The solving side's new factors against the fixed side's {@code fixedFactors}, persisted, and
   * marked for a checkpoint when {@code checkpoint} (before any job computes them, as Spark needs).
   */
  private JavaPairRDD<Integer, float[]> halfSweep(SideBlocks solving, SideBlocks fixed,
      JavaPairRDD<Integer, float[]> fixedFactors, JavaPairRDD<Integer, float[]> current,
      float mean, int iteration, boolean checkpoint) {
    SolveSettings s = plan.solve();
    // k² floats: they travel in the stage's task binary, which Spark broadcasts once per stage (a
    // broadcast variable could never be destroyed, since later stages' lineage serialises it again)
    float[] gram = s.variant().isExplicit() ? null : gramOf(fixedFactors);
    int width = s.width();
    JavaPairRDD<Integer, Shipped> shipped = fixedFactors.join(fixed.out())
        .flatMapToPair(t -> {
          float[] rows = t._2()._1();
          int[][] rowsFor = t._2()._2().rowsFor;
          List<Tuple2<Integer, Shipped>> messages = new ArrayList<>();
          for (int to = 0; to < rowsFor.length; to++) {
            if (rowsFor[to].length > 0) {
              float[] packed = new float[rowsFor[to].length * width];
              for (int i = 0; i < rowsFor[to].length; i++) {
                System.arraycopy(rows, rowsFor[to][i] * width, packed, i * width, width);
              }
              messages.add(new Tuple2<>(to, new Shipped(t._1(), packed)));
            }
          }
          return messages.iterator();
        });
    String side = solving.name();
    long otherRows = fixed.rows();
    JavaPairRDD<Integer, float[]> solved = solving.in()
        .cogroup(shipped, current, solving.blocks())
        .flatMapValues(t -> {
          var blocks = t._1().iterator();
          if (!blocks.hasNext()) {
            return List.<float[]>of().iterator();
          }
          return List.of(BlockSolve.solve(side, blocks.next(), t._2(), t._3().iterator().next(),
              gram, mean, otherRows, s)).iterator();
        })
        .setName(side + " factors " + iteration);
    solved.persist(plan.intermediate());
    if (checkpoint) {
      solved.checkpoint();
    }
    return solved;
  }

  /** The Gram matrix of a side: one partial sum per block, added here in block order. */
  private float[] gramOf(JavaPairRDD<Integer, float[]> factors) {
    SolveSettings s = plan.solve();
    List<Tuple2<Integer, float[]>> partials =
        new ArrayList<>(factors.mapValues(rows -> BlockSolve.partialGram(rows, s)).collect());
    partials.sort(Comparator.comparing(Tuple2::_1));
    float[] gram = new float[s.gramWidth() * s.gramWidth()];
    for (Tuple2<Integer, float[]> partial : partials) {
      float[] p = partial._2();
      for (int i = 0; i < gram.length; i++) {
        gram[i] += p[i];
      }
    }
    return gram;
  }

  private boolean checkpointing() {
    if (plan.checkpointInterval() == -1 || plan.maxIter() < plan.checkpointInterval()) {
      return false;
    }
    if (sc.getCheckpointDir().isPresent()) {
      return true;
    }
    LOG.warn("checkpointInterval is {} but the SparkContext has no checkpoint directory: the factors"
        + " will not be checkpointed, and a long fit's lineage grows with every iteration"
        + " (SparkContext.setCheckpointDir)", plan.checkpointInterval());
    return false;
  }

  /** Removes an older checkpoint's files once a newer one has been written. */
  private void deleteCheckpoint(JavaPairRDD<Integer, float[]> rdd) {
    if (rdd == null || !rdd.getCheckpointFile().isPresent()) {
      return;
    }
    Path path = new Path(rdd.getCheckpointFile().get());
    try {
      path.getFileSystem(sc.hadoopConfiguration()).delete(path, true);
    } catch (IOException e) {
      LOG.warn("could not delete the old checkpoint {}: {}", path, e.toString());
    }
  }
}
