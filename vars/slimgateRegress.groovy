// Runs the plan's regression pipeline in the baseline and a candidate image and compares the
// outputs (slimgate regress); shows the results and sets the build result. See slimgateRegress.txt.

Map defaults() {
  return [plan: 'phases/plan.yaml', baseline: null, candidate: null,
          out: 'slimgate-out/regression'] + slimgateEngine.defaults()
}

Map call(Map args = [:]) {
  Map s = slimgateEngine.settings('slimgateRegress', defaults(), args) { Map a ->
    slimgateEngine.required(a, ['plan', 'baseline', 'candidate', 'out'])
  }
  String line = "${slimgateEngine.command(s)} regress --plan ${slimgateEngine.quote(s.plan)} " +
      "--baseline ${slimgateEngine.quote(s.baseline)} --candidate ${slimgateEngine.quote(s.candidate)} " +
      "--out ${slimgateEngine.quote(s.out)}"
  int code = slimgateEngine.run(line)
  slimgateEngine.publish(s.out, "slimgate regression ${s.candidate}")
  slimgateEngine.checkExit('slimgateRegress', code, line)
  Map result = readJSON(file: "${s.out}/regression.json", returnPojo: true)
  echo "INFO: slimgate regression of ${s.candidate} against ${s.baseline}: verdict ${result.verdict}"
  return [verdict: slimgateEngine.judge('slimgateRegress', result.verdict), exitCode: code,
          out: s.out, result: "${s.out}/regression.json"]
}
