package org.alskernel.model;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.alskernel.data.CsrMatrix;
import org.alskernel.data.IdMap;
import org.alskernel.parallel.ParallelRunner;
import org.alskernel.simd.VectorOps;
import org.alskernel.simd.VectorOpsProvider;

/**
 * A trained ALS model as an application uses it: the factors (and biases), the source's own user and
 * item ids, and the training settings, with top-n recommendation, cosine neighbours and fold-in of new
 * users. Immutable and safe to share between threads.
 *
 * <pre>{@code
 * AlsModel model = new AlsTrainer(config).fit(interactions);
 * CsrMatrix seen = interactions.toCsr();
 * for (Scored s : model.recommend(model.users().indexOf("196"), 10, seen, null)) {
 *   System.out.println(s.id() + " " + s.score());
 * }
 * }</pre>
 *
 * <p>Scores are the model's predicted preference, computed with the SIMD dot product: x_uᵀy_i for the
 * {@code IMPLICIT} and {@code EXPLICIT} variants, μ + β_u + γ_i + x_uᵀy_i for the biased ones (μ = 0
 * for {@code IMPLICIT_BIASED}), so an explicit model's scores are predicted ratings. Every ranked list
 * (a user, a batch, a fold-in vector, the evaluators through {@link #scoreAll}) is ordered by that
 * score, highest first, equal scores by the lower index first, so every result is deterministic.
 * Cosine neighbours ({@link #similarItems}, {@link #similarUsers}) compare the factors alone.
 */
public final class AlsModel {
  /** Users per task of a batch recommendation. */
  private static final int BATCH_CHUNK = 64;

  private final FactorModel factors;
  private final IdMap users;
  private final IdMap items;
  private final ModelSettings settings;
  private final int[] itemCounts;
  private final VectorOps ops;
  private final Scoring scoring;
  private final Similarity itemSimilarity;
  private final Similarity userSimilarity;
  private volatile FoldIn foldIn;

  /**
   * A model whose weighting needs no item counts (every variant but the popularity-weighted explicit
   * ones).
   *
   * @throws IllegalArgumentException as {@link #AlsModel(FactorModel, IdMap, IdMap, ModelSettings,
   *     int[])}
   */
  public AlsModel(FactorModel factors, IdMap users, IdMap items, ModelSettings settings) {
    this(factors, users, items, settings, null);
  }

  /**
   * @param itemCounts each item's number of training ratings (c_i), which the popularity weightings
   *     of the explicit variants need for fold-in; null for every other model
   * @throws IllegalArgumentException if the id maps' sizes or k differ from the factors' shape, the
   *     factors have biases and the variant none (or the reverse), or the item counts are missing,
   *     superfluous or of the wrong length
   */
  public AlsModel(FactorModel factors, IdMap users, IdMap items, ModelSettings settings,
      int[] itemCounts) {
    if (factors == null || users == null || items == null || settings == null) {
      throw new IllegalArgumentException("factors, id maps and settings must not be null");
    }
    if (users.size() != factors.users() || items.size() != factors.items()) {
      throw new IllegalArgumentException("id maps hold " + users.size() + " users and "
          + items.size() + " items but the factors have " + factors.users() + " and "
          + factors.items());
    }
    if (settings.factors() != factors.k()) {
      throw new IllegalArgumentException("settings say k = " + settings.factors()
          + " but the factors have k = " + factors.k());
    }
    if (settings.variant().isBiased() != factors.hasBiases()) {
      throw new IllegalArgumentException("the " + settings.variant() + " variant "
          + (factors.hasBiases() ? "has no biases, but these factors have them"
              : "needs user and item biases, but these factors have none"));
    }
    if (settings.weighting().needsItemCounts() != (itemCounts != null)) {
      throw new IllegalArgumentException(itemCounts == null
          ? "the " + settings.weighting().kind() + " weighting needs the items' training counts"
          : "item counts are kept only for the popularity weightings, not for "
              + settings.weighting().kind());
    }
    if (itemCounts != null) {
      if (itemCounts.length != factors.items()) {
        throw new IllegalArgumentException(itemCounts.length + " item counts for "
            + factors.items() + " items");
      }
      for (int i = 0; i < itemCounts.length; i++) {
        if (itemCounts[i] < 0) {
          throw new IllegalArgumentException("item count " + itemCounts[i] + " of item " + i
              + " is negative");
        }
      }
    }
    this.factors = factors;
    this.users = users;
    this.items = items;
    this.settings = settings;
    this.itemCounts = itemCounts == null ? null : itemCounts.clone();
    this.ops = VectorOpsProvider.get();
    int k = factors.k();
    this.scoring = new Scoring(ops, factors.itemData(), factors.itemBiasData(), factors.items(), k);
    this.itemSimilarity = new Similarity(ops, factors.itemData(), factors.items(), k);
    this.userSimilarity = new Similarity(ops, factors.userData(), factors.users(), k);
  }

  /**
   * A model whose ids are its indices: numeric ids 0..users−1 and 0..items−1. This is what a model
   * trained on a bare {@link CsrMatrix} has, since the matrix carries no ids.
   */
  public static AlsModel withIndexIds(FactorModel factors, ModelSettings settings) {
    return withIndexIds(factors, settings, null);
  }

  /** As above for a model that keeps its items' training counts (popularity weightings). */
  public static AlsModel withIndexIds(FactorModel factors, ModelSettings settings,
      int[] itemCounts) {
    return new AlsModel(factors, indexIds(factors.users()), indexIds(factors.items()), settings,
        itemCounts);
  }

  private static IdMap indexIds(int n) {
    IdMap map = IdMap.forLongs(n);
    for (int i = 0; i < n; i++) {
      map.getOrAdd(i);
    }
    return map;
  }

  public FactorModel factors() {
    return factors;
  }

  /** User ids: dense index ↔ the source's id. Do not modify. */
  public IdMap users() {
    return users;
  }

  /** Item ids: dense index ↔ the source's id. Do not modify. */
  public IdMap items() {
    return items;
  }

  public ModelSettings settings() {
    return settings;
  }

  /** A copy of the items' training counts c_i (popularity-weighted explicit models), else null. */
  public int[] itemCounts() {
    return itemCounts == null ? null : itemCounts.clone();
  }

  public int userCount() {
    return factors.users();
  }

  public int itemCount() {
    return factors.items();
  }

  /** The score the ranked lists use (see the class comment), with the same dot product. */
  public float score(int user, int item) {
    checkIndex("user", user, userCount());
    checkIndex("item", item, itemCount());
    return scoring.score(factors.userData(), user * factors.k(), userConstant(user), item);
  }

  /** μ + β_u, the part of a biased model's prediction that is the same for every item. */
  private float userConstant(int user) {
    return factors.globalMean() + factors.userBias(user);
  }

  /** Every item's score (see the class comment) for {@code user} into {@code out[0..itemCount())}. */
  public void scoreAll(int user, float[] out) {
    checkIndex("user", user, userCount());
    if (out.length < itemCount()) {
      throw new IllegalArgumentException(
          "output array of length " + out.length + " is shorter than the " + itemCount() + " items");
    }
    scoring.scoreAll(factors.userData(), user * factors.k(), userConstant(user), out);
  }

  /** The n best items for {@code user}, nothing excluded. */
  public List<Scored> recommend(int user, int n) {
    return recommend(user, n, null, null);
  }

  /**
   * The n best items for {@code user}, skipping the items of the user's row in {@code seen} (users ×
   * items, null for none) and every index in {@code excludeItems} (null for none). Fewer than n are
   * returned when fewer items remain.
   */
  public List<Scored> recommend(int user, int n, CsrMatrix seen, int[] excludeItems) {
    checkIndex("user", user, userCount());
    checkN(n);
    Exclusions exclusions = new Exclusions(seen, excludeItems, userCount(), itemCount());
    TopN top = new TopN(Math.min(n, itemCount()));
    exclusions.scoreInto(scoring, factors.userData(), user * factors.k(),
        userConstant(user), user, top);
    return drain(top, items);
  }

  /**
   * {@link #recommend(int, int, CsrMatrix, int[])} for many users, in parallel on the common pool;
   * element j is the list of {@code users[j]}. The lists are the same as one call per user.
   */
  public List<List<Scored>> recommend(int[] userIndices, int n, CsrMatrix seen, int[] excludeItems) {
    return recommend(userIndices, n, seen, excludeItems, ForkJoinPool.commonPool());
  }

  /** As above, on the given pool (null: in the calling thread). */
  public List<List<Scored>> recommend(int[] userIndices, int n, CsrMatrix seen, int[] excludeItems,
      ForkJoinPool pool) {
    checkN(n);
    for (int j = 0; j < userIndices.length; j++) {
      checkIndex("user", userIndices[j], userCount());
    }
    Exclusions exclusions = new Exclusions(seen, excludeItems, userCount(), itemCount());
    int capacity = Math.min(n, itemCount());
    @SuppressWarnings({"unchecked", "rawtypes"})
    List<Scored>[] results = new List[userIndices.length];
    int chunks = (userIndices.length + BATCH_CHUNK - 1) / BATCH_CHUNK;
    new ParallelRunner(pool).run(chunks, c -> {
      TopN top = new TopN(capacity);
      int end = Math.min(userIndices.length, (c + 1) * BATCH_CHUNK);
      for (int j = c * BATCH_CHUNK; j < end; j++) {
        top.reset(capacity);
        int u = userIndices[j];
        exclusions.scoreInto(scoring, factors.userData(), u * factors.k(),
            userConstant(u), u, top);
        results[j] = drain(top, items);
      }
    });
    return List.of(results);
  }

  /**
   * The n best items for a user given by a factor vector (e.g. from {@link #foldInUser}), with user
   * bias 0, skipping {@code excludeItems} (null for none; pass the user's own items to leave them
   * out). The order is that of {@link #recommend(UserVector, int, int[])} with any bias.
   */
  public List<Scored> recommend(float[] userVector, int n, int[] excludeItems) {
    return recommend(new UserVector(userVector, 0f), n, excludeItems);
  }

  /**
   * The n best items for a user given by factors and bias (e.g. from {@link #foldIn}), skipping
   * {@code excludeItems} (null for none). The bias only shifts every score (of a biased model).
   */
  public List<Scored> recommend(UserVector user, int n, int[] excludeItems) {
    checkVector(user.factors());
    checkN(n);
    Exclusions exclusions = new Exclusions(null, excludeItems, userCount(), itemCount());
    TopN top = new TopN(Math.min(n, itemCount()));
    exclusions.scoreInto(scoring, user.factors(), 0, factors.globalMean() + user.bias(), -1, top);
    return drain(top, items);
  }

  /** The n items most similar to {@code item} by cosine of their factors, the item itself excluded. */
  public List<Scored> similarItems(int item, int n) {
    checkIndex("item", item, itemCount());
    checkN(n);
    TopN top = new TopN(Math.min(n, Math.max(0, itemCount() - 1)));
    itemSimilarity.nearest(item, top);
    return drain(top, items);
  }

  /** The n users most similar to {@code user} by cosine of their factors, the user excluded. */
  public List<Scored> similarUsers(int user, int n) {
    checkIndex("user", user, userCount());
    checkN(n);
    TopN top = new TopN(Math.min(n, Math.max(0, userCount() - 1)));
    userSimilarity.nearest(user, top);
    return drain(top, users);
  }

  /**
   * Factors for a new (or changed) user with interactions {@code (itemIndices[j], values[j])}: the
   * {@link #foldIn} solution without the bias.
   */
  public float[] foldInUser(int[] itemIndices, float[] values) {
    return foldIn(itemIndices, values).factors();
  }

  /**
   * Factors and bias of a new (or changed) user with interactions {@code (itemIndices[j],
   * values[j])}, solved exactly against the trained items by the equation the trainer's user sweep
   * solves for this model's variant (docs/math.md): confidence weights and YᵀY for the implicit
   * variants, the rating weights and μ for the explicit ones, the item biases for the biased ones, and
   * λ scaled by the row's count for ALS-WR. A repeated item's values are summed, as in training; an
   * empty row gives the zero vector (and, biased implicit, the bias that the shared terms give).
   *
   * @throws IndexOutOfBoundsException for an item index outside the model
   * @throws IllegalArgumentException for arrays of different length, a value that is not finite or
   *     outside the model's rating scale, or a model trained with per-entry weights (use {@link
   *     #foldIn(int[], float[], float[])})
   */
  public UserVector foldIn(int[] itemIndices, float[] values) {
    return foldIn(itemIndices, values, null);
  }

  /**
   * As {@link #foldIn(int[], float[])} for a model trained with per-entry rating weights: {@code
   * weights[j]} is the weight of entry j (a repeated item's weight is its first entry's).
   */
  public UserVector foldIn(int[] itemIndices, float[] values, float[] weights) {
    FoldIn.Row row = FoldIn.normalise(itemIndices, values, weights, itemCount());
    FoldIn f = foldIn;
    if (f == null) {
      f = new FoldIn(ops, settings, factors, itemCounts);
      foldIn = f;
    }
    return f.solve(row);
  }

  private static List<Scored> drain(TopN top, IdMap ids) {
    int[] index = new int[top.size()];
    float[] score = new float[top.size()];
    int count = top.drain(index, score);
    Scored[] out = new Scored[count];
    for (int j = 0; j < count; j++) {
      out[j] = new Scored(index[j], ids.id(index[j]), score[j]);
    }
    return List.of(out);
  }

  private void checkVector(float[] v) {
    if (v == null || v.length != factors.k()) {
      throw new IllegalArgumentException("user vector must have length k = " + factors.k()
          + ", got " + (v == null ? "null" : v.length));
    }
  }

  private static void checkN(int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("n must be ≥ 1, got " + n);
    }
  }

  private static void checkIndex(String what, int index, int size) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(what + " index " + index + " not in [0, " + size + ")");
    }
  }
}
