package dev.earshot.classify.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.earshot.classify.features.FeatureSet;
import dev.earshot.classify.model.ModelType;
import org.junit.jupiter.api.Test;

class VariantTest {

  @Test
  void variantsParseWithSensibleDefaultFeatures() {
    assertThat(Variant.of("svm")).isEqualTo(new Variant(ModelType.SVM, FeatureSet.HANDCRAFTED));
    assertThat(Variant.of("cnn")).isEqualTo(new Variant(ModelType.CNN, FeatureSet.LOG_MEL));
    assertThat(Variant.of("mlp:whisper").name()).isEqualTo("mlp:whisper");
  }

  @Test
  void aCnnCannotReadVectorsNorAVectorModelSpectrograms() {
    assertThatThrownBy(() -> Variant.of("cnn:whisper")).hasMessageContaining("cannot read");
    assertThatThrownBy(() -> Variant.of("svm:log-mel")).hasMessageContaining("cannot read");
  }
}
