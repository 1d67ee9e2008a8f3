package dev.earshot.worker;

import java.time.Duration;
import java.util.function.IntConsumer;
import org.jboss.logging.Logger;

/**
 * The services' answer to a hung model call: end the process, so its consumers leave their groups
 * and the other workers take the partitions and redo the uncommitted chunks; the process manager
 * (Kubernetes, Compose, systemd) starts a fresh one. A hung native call cannot be interrupted, so
 * nothing short of a new process frees the worker. The orderly exit closes the consumers (an
 * immediate hand-over); if it does not finish within the grace, the process halts and the
 * partitions move after the session timeout.
 */
public final class HungWorkerExit implements InferenceWatchdog.Response {

  /** The exit status of a hung worker: EX_SOFTWARE, an internal error. */
  public static final int EXIT_STATUS = 70;

  private static final Logger LOG = Logger.getLogger(HungWorkerExit.class);

  private final String service;
  private final BackgroundModel<?> model;
  private final Duration grace;
  private final IntConsumer exit;
  private final IntConsumer halt;

  public HungWorkerExit(String service, BackgroundModel<?> model, Duration grace) {
    this(service, model, grace, System::exit, Runtime.getRuntime()::halt);
  }

  HungWorkerExit(
      String service,
      BackgroundModel<?> model,
      Duration grace,
      IntConsumer exit,
      IntConsumer halt) {
    this.service = service;
    this.model = model;
    this.grace = grace;
    this.exit = exit;
    this.halt = halt;
  }

  @Override
  public void stalled(InferenceWatchdog.Stall stall) {
    LOG.errorf(
        "%s is hung: %s. Exiting with status %d so the other workers take its partitions.",
        service, stall.describe(), EXIT_STATUS);
    // Closing a model a call is still inside would pull native memory from under it.
    model.abandon();
    Thread halting =
        new Thread(
            () -> {
              try {
                Thread.sleep(grace.toMillis());
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              LOG.errorf("%s did not exit within %s: halting", service, grace);
              halt.accept(EXIT_STATUS);
            },
            "hung-worker-halt");
    halting.setDaemon(true);
    halting.start();
    Thread exiting = new Thread(() -> exit.accept(EXIT_STATUS), "hung-worker-exit");
    exiting.start();
  }
}
