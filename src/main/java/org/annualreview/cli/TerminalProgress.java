package org.annualreview.cli;

import org.annualreview.imports.ImportProgress;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on the terminal while files are read (only when the output is a terminal). */
final class TerminalProgress implements ImportProgress {

    private ProgressBar bar;

    /** A progress bar when the output is a terminal, nothing otherwise. */
    static ImportProgress ifTerminal() {
        return System.console() != null ? new TerminalProgress() : ImportProgress.NONE;
    }

    @Override
    public void started(String source, long total, String unit) {
        ProgressBarBuilder builder = new ProgressBarBuilder()
                .setTaskName(source.length() > 30 ? "…" + source.substring(source.length() - 29) : source)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(200)
                .setInitialMax(total);
        if ("B".equals(unit)) {
            builder.setUnit(" MB", 1 << 20);
        } else {
            builder.setUnit(unit, 1);
        }
        bar = builder.build();
    }

    @Override
    public void advanced(long amount) {
        if (bar != null) {
            bar.stepBy(amount);
        }
    }

    @Override
    public void checking(String source) {
        System.err.println(source + ": checking against the register and merging…");
    }

    @Override
    public void finished() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
