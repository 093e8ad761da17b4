package org.alskernel.spark;

import java.util.List;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.Identifiable;

/**
 * The params the estimator and its model share, made for either parent with the names, meanings and
 * defaults of Spark's {@code ALS} and {@code ALSModel}.
 */
final class ColumnParams {
  static final String NAN = "nan";
  static final String DROP = "drop";

  private ColumnParams() {}

  static Param<String> userCol(Identifiable parent) {
    return new Param<>(parent, "userCol", "column of user ids: any integral type, long included"
        + " (default: user)");
  }

  static Param<String> itemCol(Identifiable parent) {
    return new Param<>(parent, "itemCol", "column of item ids: any integral type, long included"
        + " (default: item)");
  }

  static Param<String> predictionCol(Identifiable parent) {
    return new Param<>(parent, "predictionCol", "column the predicted score is written to (default:"
        + " prediction)");
  }

  static Param<String> coldStartStrategy(Identifiable parent) {
    return new Param<>(parent, "coldStartStrategy", "what transform does with a user or item the"
        + " model has no factors for: 'nan' predicts NaN, 'drop' leaves the row out (default: nan)",
        ParamValidators.inArray(List.of(NAN, DROP)));
  }
}
