/**
 * Offline evaluation: seeded train/test splits of {@link org.alskernel.data.Interactions}, ranking
 * metrics at k (definitions in docs/quality.md), and a popularity baseline that is evaluated through
 * the same {@link org.alskernel.eval.Ranker} interface as a trained model.
 */
package org.alskernel.eval;
