// Builds the phase's candidate images, checks their tools and sizes (slimgate run), shows the run
// folder in Jenkins and sets the build result from the verdict. See slimgateRun.txt.

Map defaults() {
  return [plan: 'phases/plan.yaml', phase: null, repo: '.', out: 'slimgate-out/run'] +
      slimgateEngine.defaults()
}

Map call(Map args = [:]) {
  Map s = slimgateEngine.settings('slimgateRun', defaults(), args) { Map a ->
    slimgateEngine.required(a, ['plan', 'phase', 'repo', 'out']) + slimgateEngine.phaseId(a)
  }
  String q = "--plan ${slimgateEngine.quote(s.plan)} --phase ${slimgateEngine.quote(s.phase)} " +
      "--repo ${slimgateEngine.quote(s.repo)} --out ${slimgateEngine.quote(s.out)}"
  String line = "${slimgateEngine.command(s)} run ${q}"
  int code = slimgateEngine.run(line)
  slimgateEngine.publish(s.out, "slimgate phase ${s.phase}")
  slimgateEngine.checkExit('slimgateRun', code, line)
  Map report = readJSON(file: "${s.out}/report.json", returnPojo: true)
  echo "INFO: slimgate phase ${s.phase}: verdict ${report.verdict} (exit ${code}); " +
      "report ${s.out}/report.md"
  List candidates = []
  for (int i = 0; i < report.candidates.size(); i++) {
    candidates << [name: report.candidates[i].name, image: report.candidates[i].image]
  }
  return [verdict: slimgateEngine.judge('slimgateRun', report.verdict), exitCode: code,
          out: s.out, report: "${s.out}/report.json", baseline: report.baseline?.image,
          candidates: candidates]
}
