package org.alskernel.spark;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Bad input is refused before training, naming the column, the problem and an offending row. */
class InputChecksTest {
  private static Dataset<Row> frame(DataType user, DataType rating, Object... badRow) {
    StructType schema = new StructType()
        .add("user", user, true)
        .add("item", DataTypes.IntegerType, true)
        .add("rating", rating, true);
    Object goodUser = user == DataTypes.StringType ? "7"
        : user instanceof org.apache.spark.sql.types.DecimalType ? new BigDecimal(7)
        : user == DataTypes.DoubleType ? (Object) 7.0 : (Object) 7L;
    Object goodRating = rating == DataTypes.StringType ? "1" : rating == DataTypes.DoubleType
        ? (Object) 1.0 : (Object) 1f;
    return LocalSpark.get().createDataFrame(List.of(RowFactory.create(goodUser, 1, goodRating),
        RowFactory.create(badRow), RowFactory.create(goodUser, 2, goodRating)), schema);
  }

  private static void assertRefused(Dataset<Row> data, String... parts) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new KernelAls().setImplicitPrefs(true).setRank(2).setMaxIter(1).fit(data));
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' should say " + part);
    }
  }

  @Test
  void nullIdsAndRatings() {
    assertRefused(frame(DataTypes.LongType, DataTypes.FloatType, null, 3, 1f),
        "user column 'user' is null", "(user=null, item=3, rating=1.0)");
    assertRefused(frame(DataTypes.LongType, DataTypes.FloatType, 5L, null, 1f),
        "item column 'item' is null", "(user=5, item=null");
    assertRefused(frame(DataTypes.LongType, DataTypes.FloatType, 5L, 3, null),
        "rating column 'rating' is null", "(user=5, item=3, rating=null)");
  }

  @Test
  void ratingsThatAreNotFiniteFloats() {
    assertRefused(frame(DataTypes.LongType, DataTypes.FloatType, 5L, 3, Float.NaN),
        "rating column 'rating' is NaN", "user=5, item=3");
    assertRefused(frame(DataTypes.LongType, DataTypes.DoubleType, 5L, 3,
        Double.NEGATIVE_INFINITY), "rating column 'rating' is infinite", "rating=-Infinity");
    assertRefused(frame(DataTypes.LongType, DataTypes.DoubleType, 5L, 3, 1e300),
        "rating column 'rating' holds a value too large for a float", "rating=1.0E300");
  }

  @Test
  void idsOutsideTheRangeOfLongOrNotWhole() {
    assertRefused(frame(DataTypes.DoubleType, DataTypes.FloatType, 2.5, 3, 1f),
        "user column 'user' holds a value that is not a whole number", "user=2.5");
    assertRefused(frame(DataTypes.DoubleType, DataTypes.FloatType, 1e30, 3, 1f),
        "user column 'user' holds a value outside the range of long", "user=1.0E30");
    assertRefused(frame(DataTypes.createDecimalType(38, 0), DataTypes.FloatType,
        new BigDecimal("100000000000000000000"), 3, 1f),
        "user column 'user' holds a value outside the range of long",
        "user=100000000000000000000");
  }

  @Test
  void columnsOfTheWrongTypeOrMissing() {
    assertRefused(frame(DataTypes.LongType, DataTypes.StringType, 5L, 3, "5"),
        "rating column 'rating' has type string; ratings must be numeric");
    assertRefused(frame(DataTypes.StringType, DataTypes.FloatType, "u5", 3, 1f),
        "user column 'user' has type string; ids must be integral numbers");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new KernelAls()
        .setItemCol("movie").fit(frame(DataTypes.LongType, DataTypes.FloatType, 5L, 3, 1f)));
    assertTrue(e.getMessage().contains("there is no item column 'movie'"), e.getMessage());
  }

  @Test
  void noRatingsAtAll() {
    Dataset<Row> empty = frame(DataTypes.LongType, DataTypes.FloatType, 5L, 3, 1f).limit(0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new KernelAls().setImplicitPrefs(true).setMaxIter(1).fit(empty));
    assertTrue(e.getMessage().contains("the input has no ratings"), e.getMessage());
  }

  @Test
  void paramsTheKernelCannotHonour() {
    Dataset<Row> good = frame(DataTypes.LongType, DataTypes.FloatType, 5L, 3, 1f);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new KernelAls().setNonnegative(true).fit(good));
    assertTrue(e.getMessage().contains("nonnegative = true is not supported"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new KernelAls().setImplicitPrefs(false).setVariant("implicit-biased").fit(good));
    assertTrue(e.getMessage().contains("variant implicit-biased contradicts implicitPrefs = false"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new KernelAls().setRegParam(0).fit(good));
    assertTrue(e.getMessage().contains("lambda must be > 0 for the EXPLICIT variant"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new KernelAls().setImplicitPrefs(true).setNu(0.5).fit(good));
    assertTrue(e.getMessage().contains("applies with lambdaScaling = none"), e.getMessage());
  }
}
