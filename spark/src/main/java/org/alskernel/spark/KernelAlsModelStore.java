package org.alskernel.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.alskernel.sweep.AlsVariant;
import org.alskernel.sweep.Confidence;
import org.alskernel.sweep.Solver;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Spark ML persistence of a {@link KernelAlsModel}: under the model's path, {@code metadata} (one
 * line of JSON: class, uid, Spark version, the params, and the kernel's settings) and the two factor
 * tables as Parquet, {@code userFactors} and {@code itemFactors}.
 */
final class KernelAlsModelStore {
  private static final ObjectMapper JSON = new ObjectMapper();

  private KernelAlsModelStore() {}

  static final class Writer extends MLWriter {
    private final KernelAlsModel model;

    Writer(KernelAlsModel model) {
      this.model = model;
    }

    @Override
    public void saveImpl(String path) {
      SparkSession spark = sparkSession();
      ObjectNode metadata = JSON.createObjectNode();
      metadata.put("class", KernelAlsModel.class.getName());
      metadata.put("uid", model.uid());
      metadata.put("sparkVersion", spark.version());
      ObjectNode params = metadata.putObject("paramMap");
      for (Param<String> p : List.of(model.userCol(), model.itemCol(), model.predictionCol(),
          model.coldStartStrategy())) {
        if (model.isSet(p)) {
          params.put(p.name(), model.getOrDefault(p));
        }
      }
      SolveSettings s = model.solveSettings();
      ObjectNode settings = metadata.putObject("settings");
      settings.put("variant", s.variant().label());
      settings.put("rank", s.rank());
      settings.put("lambda", s.lambda());
      settings.put("lambdaScaledByCount", s.lambdaScaledByCount());
      settings.put("alpha", s.alpha());
      settings.put("confidence", s.confidence().name());
      settings.put("epsilon", s.epsilon());
      settings.put("nu", s.nu());
      settings.put("unobservedWeight", s.unobservedWeight());
      settings.put("solver", s.solver().label());
      settings.put("cgSteps", s.cgSteps());
      settings.put("initScale", s.initScale());
      settings.put("iterations", model.settings().iterations());
      settings.put("seed", model.settings().seed());
      settings.put("globalMean", model.globalMean());
      spark.createDataset(List.of(metadata.toString()), Encoders.STRING()).coalesce(1).write()
          .text(path + "/metadata");
      model.userFactors().write().parquet(path + "/userFactors");
      model.itemFactors().write().parquet(path + "/itemFactors");
    }
  }

  static final class Reader extends MLReader<KernelAlsModel> {
    @Override
    public KernelAlsModel load(String path) {
      SparkSession spark = sparkSession();
      JsonNode metadata;
      try {
        metadata = JSON.readTree(spark.read().text(path + "/metadata").first().getString(0));
      } catch (IOException e) {
        throw new IllegalArgumentException("the metadata under " + path + " is not JSON: "
            + e.getMessage(), e);
      }
      String type = metadata.path("class").asText();
      if (!type.equals(KernelAlsModel.class.getName())) {
        throw new IllegalArgumentException(path + " holds a " + type + ", not a "
            + KernelAlsModel.class.getName());
      }
      JsonNode s = metadata.get("settings");
      SolveSettings settings = new SolveSettings(AlsVariant.byLabel(s.get("variant").asText()),
          s.get("rank").asInt(), (float) s.get("lambda").asDouble(),
          s.get("lambdaScaledByCount").asBoolean(), (float) s.get("alpha").asDouble(),
          Confidence.valueOf(s.get("confidence").asText()), (float) s.get("epsilon").asDouble(),
          (float) s.get("nu").asDouble(), (float) s.get("unobservedWeight").asDouble(),
          Solver.byLabel(s.get("solver").asText()), s.get("cgSteps").asInt(),
          (float) s.get("initScale").asDouble());
      settings.equation(); // refuses settings no fit could have written
      Dataset<Row> users = spark.read().parquet(path + "/userFactors");
      Dataset<Row> items = spark.read().parquet(path + "/itemFactors");
      KernelAlsModel model = new KernelAlsModel(metadata.get("uid").asText(), settings,
          s.get("iterations").asInt(), s.get("seed").asLong(),
          (float) s.get("globalMean").asDouble(), users, items);
      metadata.path("paramMap").fields().forEachRemaining(field -> model.set(
          model.getParam(field.getKey()), field.getValue().asText()));
      return model;
    }
  }
}
