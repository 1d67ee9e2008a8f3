package dev.earshot.classify.train;

import dev.earshot.classify.model.ModelType;
import dev.earshot.classify.model.djl.DjlTrainer;
import dev.earshot.classify.model.tribuo.TribuoTrainer;

/** A model type in, the trainer that fits and loads it out. */
public final class Trainers {

  private Trainers() {}

  public static ModelTrainer of(ModelType type) {
    return switch (type) {
      case LOGISTIC, SVM, XGBOOST -> new TribuoTrainer(type);
      case MLP, CNN -> new DjlTrainer(type);
    };
  }
}
