package dev.earshot.classify.data;

import dev.earshot.assets.CatalogEntry;
import dev.earshot.assets.DebianArch;
import dev.earshot.assets.DebianTree;
import dev.earshot.assets.PinnedDeb;
import java.util.ArrayList;
import java.util.List;

/**
 * What only the training tools fetch, kept out of the services' asset catalogue: the programs that
 * make training audio and the sound libraries the built-in classifiers learn from. Fetched into the
 * same cache, pinned and checksummed like every asset.
 */
public final class TrainingCatalog {

  private TrainingCatalog() {}

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

  /** Everything here, for listing. */
  public static List<CatalogEntry> all() {
    List<CatalogEntry> all = new ArrayList<>(tools());
    all.addAll(soundLibraries());
    return List.copyOf(all);
  }
}
