// The whole rollout pipeline of one phase: plan, lint, build + checks + sizes, regression (one
// parallel branch per candidate, on the agent label the plan names), merge request and chat.
// A newer commit supersedes an older build at each milestone. See phasedRollout.txt.

Map defaults() {
  return [plan: 'phases/plan.yaml', phase: null, repo: '.', out: 'slimgate-out', agent: 'slimgate',
          regressionAgent: null, regression: true, mergeRequest: true, chat: true,
          gitRemote: null, forge: null, forgeUrl: null, forgeProject: null,
          forgeCredentialsId: 'slimgate-forge-token', slackCredentialsId: 'slimgate-slack-token',
          slackWebhookCredentialsId: null, channel: null, releaseManagers: null] +
      slimgateEngine.defaults()
}

Map call(Map args = [:]) {
  Map s = slimgateEngine.settings('phasedRollout', defaults(), args) { Map a ->
    List problems = slimgateEngine.required(a, ['plan', 'phase', 'repo', 'out', 'agent']) +
        slimgateEngine.phaseId(a)
    List flags = ['regression', 'mergeRequest', 'chat']
    for (int i = 0; i < flags.size(); i++) {
      String key = flags[i]
      if (!(a[key] instanceof Boolean)) {
        problems << "${key} is '${a[key]}'; use true or false"
      }
    }
    return problems
  }
  Map engine = s.subMap(slimgateEngine.defaults().keySet())
  String runDir = "${s.out}/run"
  Map view
  Map run
  Map regressions = [:]
  milestone(ordinal: 1, label: 'slimgate: started')
  node(s.agent) {
    checkout(scm)
    stage('Plan') {
      String file = "${s.out}/plan-${s.phase}.json"
      String line = "${slimgateEngine.command(engine)} plan show --plan ${slimgateEngine.quote(s.plan)} " +
          "--phase ${slimgateEngine.quote(s.phase)} --repo ${slimgateEngine.quote(s.repo)} --format json " +
          "--output ${slimgateEngine.quote(file)}"
      slimgateEngine.checkExit('phasedRollout', slimgateEngine.run(line), line)
      view = readJSON(file: file, returnPojo: true)
    }
    stage('Lint') {
      // the same gate as the engine's run: only phases whose plan names it
      if (view.gates == null || 'lint' in view.gates) {
        slimgateLint(engine + [plan: s.plan, dockerfiles: view.dockerfiles, out: "${s.out}/lint"])
      } else {
        echo "INFO: skipping lint: phase ${s.phase} has no lint gate"
      }
    }
    milestone(ordinal: 2, label: 'slimgate: building')
    stage('Build, check, size') {
      List extra = []
      for (int i = 1; i < view.images.size(); i++) {
        extra << [resource: "slimgate-image:${view.images[i]}"]
      }
      // one lock per image, all taken at once so that two builds never wait for each other
      lock(resource: "slimgate-image:${view.images[0]}", extra: extra) {
        run = slimgateRun(engine + [plan: s.plan, phase: s.phase, repo: s.repo, out: runDir])
      }
    }
    stash(name: 'slimgate-run', includes: "${s.out}/**")
  }
  String skip = !s.regression ? 'the argument regression is false' :
      run.verdict == 'fail' ? 'the build, tool or size gates failed' :
      view.gates != null && !('regression' in view.gates) ? "phase ${s.phase} has no regression gate" : null
  if (skip) {
    echo "INFO: skipping regression: ${skip}"
  } else {
    // TODO: the image locks are released between 'Build, check, size' and 'Regression', and the
    // baseline is not locked during regression, so another build sharing these tags (a second
    // branch of a multibranch job) could rebuild one in between. Holding one lock set around
    // both stages needs them in one lock block across agents; not done yet.
    milestone(ordinal: 3, label: 'slimgate: regression')
    stage('Regression') {
      Map branches = [:]
      for (int i = 0; i < view.candidates.size(); i++) {
        Map candidate = view.candidates[i] // one variable per branch: each closure keeps its own
        String label = candidate.regressionAgent ?: s.regressionAgent ?: s.agent
        String out = "${runDir}/regression/${candidate.name}"
        branches[candidate.name] = {
          node(label) {
            checkout(scm)
            lock(resource: "slimgate-image:${candidate.image}") {
              regressions[candidate.name] = slimgateRegress(engine + [plan: s.plan,
                  baseline: run.baseline, candidate: candidate.image, out: out]).verdict
            }
            stash(name: "slimgate-regression-${candidate.name}", includes: "${out}/**")
          }
        }
      }
      parallel(branches)
    }
  }
  milestone(ordinal: 4, label: 'slimgate: publishing')
  node(s.agent) {
    checkout(scm)
    unstash('slimgate-run')
    List names = new ArrayList(regressions.keySet())
    for (int i = 0; i < names.size(); i++) {
      unstash("slimgate-regression-${names[i]}")
    }
    try {
      stage('Merge request') {
        if (s.mergeRequest) {
          slimgatePublish(engine + [runDir: runDir, phase: s.phase, repo: s.repo, plan: s.plan,
              gitRemote: s.gitRemote,
              forge: s.forge, forgeUrl: s.forgeUrl, forgeProject: s.forgeProject,
              credentialsId: s.forgeCredentialsId])
        }
      }
    } finally {
      stage('Chat') {
        if (s.chat) {
          slimgateNotify(engine + [summary: "${runDir}/chat-summary.json", runDir: runDir, plan: s.plan,
              channel: s.channel,
              releaseManagers: s.releaseManagers, credentialsId: s.slackCredentialsId,
              webhookCredentialsId: s.slackWebhookCredentialsId])
        }
      }
    }
  }
  return [verdict: run.verdict, regression: regressions, out: s.out, report: "${runDir}/report.json"]
}
