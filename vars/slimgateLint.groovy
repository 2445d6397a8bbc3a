// Checks Dockerfiles for wasted bytes before anything is built (slimgate lint) and shows the
// findings in Jenkins' Warnings view through their SARIF file. See slimgateLint.txt.

Map defaults() {
  return [plan: 'phases/plan.yaml', dockerfiles: [], out: 'slimgate-out/lint'] +
      slimgateEngine.defaults()
}

Map call(Map args = [:]) {
  Map s = slimgateEngine.settings('slimgateLint', defaults(), args) { Map a ->
    List problems = slimgateEngine.required(a, ['plan', 'out'])
    if (!(a.dockerfiles instanceof List) || a.dockerfiles.isEmpty()) {
      problems << 'dockerfiles must be a non-empty list of Dockerfile paths, e.g. [\'Dockerfile\']'
    }
    return problems
  }
  String sarifFile = "${s.out}/lint.sarif" // not "sarif": that name would hide the sarif() step
  String files = ''
  for (int i = 0; i < s.dockerfiles.size(); i++) {
    files += " ${slimgateEngine.quote(s.dockerfiles[i])}"
  }
  sh "mkdir -p ${slimgateEngine.quote(s.out)}"
  String line = "${slimgateEngine.command(s)} lint${files} --plan ${slimgateEngine.quote(s.plan)} " +
      "--format sarif --output ${slimgateEngine.quote(sarifFile)}"
  int code = slimgateEngine.run(line)
  recordIssues(enabledForFailure: true, tools: [sarif(pattern: sarifFile, id: 'slimgate-lint',
      name: 'slimgate Dockerfile advisor')])
  archiveArtifacts(artifacts: sarifFile, allowEmptyArchive: true)
  slimgateEngine.checkExit('slimgateLint', code, line)
  // the engine exits 1 when a finding has severity error: the lint gate failed
  String verdict = code == 0 ? 'pass' : 'fail'
  return [verdict: slimgateEngine.judge('slimgateLint', verdict), exitCode: code, sarif: sarifFile]
}
