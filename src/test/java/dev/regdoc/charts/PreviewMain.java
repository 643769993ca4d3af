package dev.regdoc.charts;

import dev.regdoc.analysis.Analysis;
import dev.regdoc.diagnosis.Finding;
import java.nio.file.Files;
import java.nio.file.Path;

/** Scratch: renders the case studies into target/preview for a look. */
class PreviewMain {
  public static void main(String[] args) throws Exception {
    Path out = Path.of("target/preview");
    Files.createDirectories(out);
    for (String fx : new String[] {"case-study-2", "case-study-1-2"}) {
      Analysis a = CaseStudies.analysis(fx);
      for (String lang : new String[] {"en", "ja"}) {
        Labels l = Labels.of(lang);
        Finding top = a.findings().get(0);
        TimelineScene s = TimelineChart.scene(a.timeline(), top.device(), top, CaseStudies.texts().textOf(top, lang).title(), l);
        long t0 = System.nanoTime();
        RenderedChart r = TimelineChart.render(s, l);
        System.out.println(fx + " " + lang + " " + (System.nanoTime() - t0) / 1e6 + " ms " + r.png().length + " bytes font " + r.fontFamily()
            + " axes " + java.util.Arrays.toString(r.timeAxes().get("lanes")) + " " + java.util.Arrays.toString(r.timeAxes().get("intervals")));
        Files.write(out.resolve(fx + "-timeline-" + lang + ".png"), r.png());
        LadderScene ls = LadderDiagram.scene(a.timeline(), top, CaseStudies.texts().textOf(top, lang).title(), l);
        System.out.println(LadderDiagram.text(ls, l));
        RenderedLadder rl = LadderDiagram.png(ls, l);
        Files.write(out.resolve(fx + "-ladder-" + lang + ".png"), rl.png());
      }
    }
  }
}
