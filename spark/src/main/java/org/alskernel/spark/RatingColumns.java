package org.alskernel.spark;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The input columns' checks, and the checked ratings. Ids may be any integral column, {@code long}
 * included, or a decimal or floating-point column holding whole numbers within the range of
 * {@code long}; ratings any numeric column whose values a float holds. Everything is checked in one
 * pass before training starts, and the first offending row is named with its column.
 */
final class RatingColumns {
  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
  /** The column the check writes its finding to, named so that it cannot clash with the input's. */
  private static final String PROBLEM = "__kernel_als_problem";

  private RatingColumns() {}

  /** Checks that {@code name} is in the schema and holds ids. */
  static void requireIdColumn(StructType schema, String role, String name) {
    DataType type = field(schema, role, name).dataType();
    if (!(type instanceof NumericType)) {
      throw new IllegalArgumentException(role + " column '" + name + "' has type "
          + type.simpleString() + "; ids must be integral numbers (byte, short, int or long, or a"
          + " decimal or floating-point column of whole numbers)");
    }
  }

  /** Checks that {@code name} is in the schema and numeric. */
  static void requireRatingColumn(StructType schema, String name) {
    DataType type = field(schema, "rating", name).dataType();
    if (!(type instanceof NumericType)) {
      throw new IllegalArgumentException("rating column '" + name + "' has type "
          + type.simpleString() + "; ratings must be numeric");
    }
  }

  private static StructField field(StructType schema, String role, String name) {
    if (schema.getFieldIndex(name).isEmpty()) {
      throw new IllegalArgumentException("there is no " + role + " column '" + name
          + "'; the columns are " + Arrays.toString(schema.fieldNames()));
    }
    return schema.apply(name);
  }

  /**
   * The ratings of {@code data}, after one job that looks for a bad row.
   *
   * @throws IllegalArgumentException naming the column, the problem and the first offending row
   */
  static JavaRDD<Rating> read(Dataset<?> data, String userCol, String itemCol, String ratingCol) {
    StructType schema = data.schema();
    requireIdColumn(schema, "user", userCol);
    requireIdColumn(schema, "item", itemCol);
    requireRatingColumn(schema, ratingCol);
    Dataset<Row> rows = data.toDF().select(col(userCol), col(itemCol), col(ratingCol));
    Column problem = idProblem(schema, "user", userCol)
        .otherwise(idProblem(schema, "item", itemCol)
            .otherwise(ratingProblem(schema, ratingCol)));
    List<Row> bad = rows.withColumn(PROBLEM, problem).filter(col(PROBLEM).isNotNull())
        .limit(1).collectAsList();
    if (!bad.isEmpty()) {
      Row row = bad.get(0);
      throw new IllegalArgumentException(row.getString(3) + " in the row (" + userCol + "="
          + row.get(0) + ", " + itemCol + "=" + row.get(1) + ", " + ratingCol + "=" + row.get(2)
          + ")");
    }
    return rows.select(col(userCol).cast("long"), col(itemCol).cast("long"),
        col(ratingCol).cast("float")).javaRDD()
        .map(r -> new Rating(r.getLong(0), r.getLong(1), r.getFloat(2)));
  }

  /** A column that names what is wrong with an id, null when nothing is. */
  private static Column idProblem(StructType schema, String role, String name) {
    Column id = col(name);
    String where = role + " column '" + name + "'";
    DataType type = schema.apply(name).dataType();
    Column checks = when(id.isNull(), lit(where + " is null"));
    if (type instanceof ByteType || type instanceof ShortType || type instanceof IntegerType
        || type instanceof LongType) {
      return checks;
    }
    Column outOfRange = type instanceof DecimalType
        ? id.lt(lit(LONG_MIN)).or(id.gt(lit(LONG_MAX)))
        : id.cast("double").lt(lit(-0x1p63)).or(id.cast("double").geq(lit(0x1p63)))
            .or(isnan(id.cast("double")));
    return checks
        .when(outOfRange, lit(where + " holds a value outside the range of long"))
        .when(id.notEqual(floor(id)), lit(where + " holds a value that is not a whole number"));
  }

  /** A column that names what is wrong with a rating, null when nothing is. */
  private static Column ratingProblem(StructType schema, String name) {
    Column rating = col(name);
    Column asDouble = rating.cast("double");
    String where = "rating column '" + name + "'";
    return when(rating.isNull(), lit(where + " is null"))
        .when(isnan(asDouble), lit(where + " is NaN"))
        .when(asDouble.equalTo(lit(Double.POSITIVE_INFINITY))
            .or(asDouble.equalTo(lit(Double.NEGATIVE_INFINITY))), lit(where + " is infinite"))
        .when(abs(asDouble).gt(lit((double) Float.MAX_VALUE)),
            lit(where + " holds a value too large for a float"));
  }
}
