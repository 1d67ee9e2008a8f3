package dev.earshot.classify.model.tribuo;

import dev.earshot.classify.evaluate.TrainingCurve;
import dev.earshot.classify.model.ModelType;
import dev.earshot.classify.model.ProbabilisticModel;
import dev.earshot.classify.train.ModelTrainer;
import dev.earshot.classify.train.TrainingOptions;
import dev.earshot.classify.train.TrainingSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.libsvm.LibSVMClassificationTrainer;
import org.tribuo.classification.libsvm.SVMClassificationType;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.libsvm.KernelType;
import org.tribuo.common.libsvm.SVMParameters;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Feature vectors in, a Tribuo model out: logistic regression (linear SGD on the multinomial log
 * loss), an RBF support vector machine with probability estimates, or XGBoost gradient-boosted
 * trees. The one hyper-parameter that matters most for each (epochs, cost, boosting rounds) is
 * chosen on the validation split; each candidate is reported as one {@link TrainingCurve.Epoch}.
 */
public final class TribuoTrainer implements ModelTrainer {

  static {
    // libsvm reports every optimisation to stdout; the scores it reaches are reported elsewhere.
    libsvm.svm.svm_set_print_string_function(message -> {});
  }

  private static final LabelFactory LABELS = new LabelFactory();
  private static final int[] SGD_EPOCHS = {5, 10, 20, 40, 80};
  private static final double[] SVM_COSTS = {0.3, 1.0, 3.0, 10.0};
  private static final int[] BOOSTING_ROUNDS = {25, 50, 100, 200};

  private final ModelType type;

  public TribuoTrainer(ModelType type) {
    if (type != ModelType.LOGISTIC && type != ModelType.SVM && type != ModelType.XGBOOST) {
      throw new IllegalArgumentException("Tribuo trains logistic, svm and xgboost, not " + type);
    }
    this.type = type;
  }

  @Override
  public ModelType type() {
    return type;
  }

  @Override
  public ProbabilisticModel train(
      TrainingSet train,
      TrainingSet validation,
      TrainingOptions options,
      Consumer<TrainingCurve.Epoch> epochs) {
    if (train.inputShape().length != 1) {
      throw new IllegalArgumentException(type.id() + " needs feature vectors, not spectrograms");
    }
    MutableDataset<Label> data = dataset(train, options.classWeights());
    int candidates = candidates();
    TribuoModel best = null;
    double bestLoss = Double.POSITIVE_INFINITY;
    for (int i = 0; i < candidates; i++) {
      Trainer<Label> trainer = trainer(i, train, options);
      @SuppressWarnings("unchecked")
      Model<Label> fitted = (Model<Label>) trainer.train(data);
      TribuoModel candidate = new TribuoModel(type, train.labelNames(), fitted);
      double[] trainScore = score(candidate, train);
      double[] validationScore = score(candidate, validation);
      epochs.accept(
          new TrainingCurve.Epoch(
              i + 1, trainScore[0], trainScore[1], validationScore[0], validationScore[1]));
      if (validationScore[0] < bestLoss) {
        bestLoss = validationScore[0];
        best = candidate;
      }
    }
    return best;
  }

  @Override
  public ProbabilisticModel load(Path folder, List<String> labels, int[] inputShape)
      throws IOException {
    Path file = folder.resolve(TribuoModel.FILE);
    if (!Files.isRegularFile(file)) {
      throw new IOException("no Tribuo model at " + file);
    }
    @SuppressWarnings("unchecked")
    Model<Label> model = (Model<Label>) Model.deserializeFromFile(file);
    return new TribuoModel(type, labels, model);
  }

  private int candidates() {
    return switch (type) {
      case LOGISTIC -> SGD_EPOCHS.length;
      case SVM -> SVM_COSTS.length;
      default -> BOOSTING_ROUNDS.length;
    };
  }

  private Trainer<Label> trainer(int candidate, TrainingSet train, TrainingOptions options) {
    switch (type) {
      case LOGISTIC:
        return new LinearSGDTrainer(
            new LogMulticlass(),
            new AdaGrad(options.learningRate(), 0.1),
            SGD_EPOCHS[candidate],
            Integer.MAX_VALUE,
            options.batchSize(),
            options.seed());
      case SVM:
        SVMParameters<Label> parameters =
            new SVMParameters<>(
                new SVMClassificationType(SVMClassificationType.SVMMode.C_SVC), KernelType.RBF);
        parameters.setProbability();
        parameters.setCost(SVM_COSTS[candidate]);
        // Inputs are standardised, so 1 / features is libsvm's and scikit-learn's usual scale.
        parameters.setGamma(1.0 / train.inputShape()[0]);
        LibSVMClassificationTrainer svm =
            new LibSVMClassificationTrainer(parameters, options.seed());
        Map<Label, Float> weights = new HashMap<>();
        for (int c = 0; c < train.labelNames().size(); c++) {
          weights.put(new Label(train.labelNames().get(c)), (float) options.classWeights()[c]);
        }
        svm.setLabelWeights(weights);
        return svm;
      default:
        return new XGBoostClassificationTrainer(
            BOOSTING_ROUNDS[candidate],
            0.1, // eta
            0.0, // gamma
            6, // max depth
            1.0, // min child weight
            0.8, // subsample
            0.8, // feature subsample
            1.0, // lambda
            0.0, // alpha
            options.threads(),
            true,
            options.seed());
    }
  }

  /** Mean cross-entropy and accuracy of a model on a set. */
  static double[] score(ProbabilisticModel model, TrainingSet set) {
    double[][] p = model.predict(set.inputs());
    double loss = 0.0;
    int correct = 0;
    for (int i = 0; i < p.length; i++) {
      loss -= Math.log(Math.max(1e-12, p[i][set.labels()[i]]));
      int best = 0;
      for (int c = 1; c < p[i].length; c++) {
        if (p[i][c] > p[i][best]) {
          best = c;
        }
      }
      if (best == set.labels()[i]) {
        correct++;
      }
    }
    return new double[] {loss / p.length, (double) correct / p.length};
  }

  static MutableDataset<Label> dataset(TrainingSet set, double[] classWeights) {
    MutableDataset<Label> data =
        new MutableDataset<>(new SimpleDataSourceProvenance("earshot", LABELS), LABELS);
    String[] names = TribuoModel.featureNames(set.inputShape()[0]);
    for (int i = 0; i < set.size(); i++) {
      float[] row = set.inputs()[i];
      double[] values = new double[row.length];
      for (int j = 0; j < row.length; j++) {
        values[j] = row[j];
      }
      int label = set.labels()[i];
      ArrayExample<Label> example =
          new ArrayExample<>(new Label(set.labelNames().get(label)), names, values);
      example.setWeight((float) classWeights[label]);
      data.add(example);
    }
    return data;
  }
}
