// Commits a run's promotion and report to the phase's branch and opens or updates its merge
// request (slimgate publish). The forge token reaches the engine only as an environment
// variable bound by withCredentials. See slimgatePublish.txt.

Map defaults() {
  return [runDir: 'slimgate-out/run', phase: null, repo: '.', plan: null, gitRemote: null, forge: null,
          forgeUrl: null, forgeProject: null, credentialsId: 'slimgate-forge-token'] +
      slimgateEngine.defaults()
}

Map call(Map args = [:]) {
  Map s = slimgateEngine.settings('slimgatePublish', defaults(), args) { Map a ->
    List problems = slimgateEngine.required(a, ['runDir', 'phase', 'repo']) + slimgateEngine.phaseId(a)
    if (a.forge != null && !(a.forge in ['gitlab', 'github', 'none'])) {
      problems << "forge is '${a.forge}'; use gitlab, github or none (or leave it to the plan)"
    }
    return problems
  }
  String line = "${slimgateEngine.command(s)} publish --run-dir ${slimgateEngine.quote(s.runDir)} " +
      "--phase ${slimgateEngine.quote(s.phase)} --repo ${slimgateEngine.quote(s.repo)}"
  Map options = ['--plan': s.plan, '--git-remote': s.gitRemote, '--forge': s.forge,
                 '--forge-url': s.forgeUrl, '--forge-project': s.forgeProject]
  List names = new ArrayList(options.keySet())
  for (int i = 0; i < names.size(); i++) {
    String option = names[i]
    if (options[option] != null) {
      line += " ${option} ${slimgateEngine.quote(options[option])}"
    }
  }
  int code
  if (s.credentialsId && s.forge != 'none') {
    withCredentials([string(credentialsId: s.credentialsId, variable: 'SLIMGATE_FORGE_TOKEN')]) {
      code = slimgateEngine.run(line)
    }
  } else {
    code = slimgateEngine.run(line)
  }
  slimgateEngine.checkExit('slimgatePublish', code, line)
  if (code != 0) {
    error("slimgatePublish: slimgate publish ended with exit ${code}; the lines above say why")
  }
  return [exitCode: code]
}
