// Approves the next phase of the rollout: shows the evidence (the phase's passing report of this
// commit), asks a release manager through input, records who, when and why in phases/state.yaml
// with slimgate advance (which refuses self-approval, an empty reason and a report that did not
// pass), opens the merge request and tells chat. See advancePhase.txt.

Map defaults() {
  return [phase: null, releaseManagers: null, runDir: 'slimgate-out/run', fromJob: null,
          state: 'phases/state.yaml', author: null, repo: '.', agent: 'slimgate', timeoutHours: 72,
          gitRemote: null, forge: null, forgeUrl: null, forgeProject: null,
          forgeCredentialsId: 'slimgate-forge-token', slackCredentialsId: 'slimgate-slack-token',
          slackWebhookCredentialsId: null, channel: null] + slimgateEngine.defaults()
}

Map call(Map args = [:]) {
  Map s = slimgateEngine.settings('advancePhase', defaults(), args) { Map a ->
    List problems = slimgateEngine.required(a, ['phase', 'releaseManagers', 'runDir', 'state', 'agent']) +
        slimgateEngine.phaseId(a)
    if (!(a.timeoutHours instanceof Integer) || a.timeoutHours < 1) {
      problems << "timeoutHours is '${a.timeoutHours}'; give a whole number of hours, at least 1"
    }
    return problems
  }
  Map engine = s.subMap(slimgateEngine.defaults().keySet())
  String report = "${s.runDir}/report.json"
  Map evidence
  String author
  node(s.agent) {
    Map checkedOut = checkout(scm)
    stage('Evidence') {
      if (s.fromJob) {
        copyArtifacts(projectName: s.fromJob, selector: lastSuccessful(), filter: "${s.runDir}/**")
      }
      evidence = readJSON(file: report, returnPojo: true)
      String head = checkedOut?.GIT_COMMIT
      if (head && evidence.commit && evidence.commit != 'unknown' && evidence.commit != head) {
        error("advancePhase: the evidence ${report} is of commit ${evidence.commit}, but this " +
            "checkout is ${head}; run phasedRollout on ${head} first, or approve from its build")
      }
      author = s.author ?: sh(script: 'git log -1 --format=%ae', returnStdout: true).trim()
      echo "INFO: evidence for phase ${s.phase}: ${report}, phase ${evidence.phase}, verdict " +
          "${evidence.verdict}, change by ${author}; the full report is archived with this build"
      archiveArtifacts(artifacts: "${s.runDir}/**", allowEmptyArchive: true)
      stash(name: 'slimgate-evidence', includes: "${s.runDir}/**")
    }
  }
  Map decision
  stage('Approval') {
    // outside any node: waiting for a person must not hold an executor
    timeout(time: s.timeoutHours, unit: 'HOURS') {
      decision = input(message: "Advance the rollout to phase ${s.phase}? Evidence: ${report} " +
          "(verdict ${evidence.verdict}). The change is by ${author}, who cannot approve it.",
          ok: "Approve phase ${s.phase}", submitter: s.releaseManagers, submitterParameter: 'approver',
          parameters: [text(name: 'reason', defaultValue: '',
              description: 'Why this phase may go ahead; kept in the audit history. Required.')])
    }
  }
  Map change
  node(s.agent) {
    checkout(scm)
    unstash('slimgate-evidence')
    stage('Record') {
      String file = "${s.runDir}/phase-change.json"
      String q = "--state ${slimgateEngine.quote(s.state)} --phase ${slimgateEngine.quote(s.phase)} " +
          "--approver ${slimgateEngine.quote(decision.approver)} --author ${slimgateEngine.quote(author)} " +
          "--reason ${slimgateEngine.quote(decision.reason ?: '')} --report ${slimgateEngine.quote(report)} " +
          "--output ${slimgateEngine.quote(file)}"
      int code = sh(script: "${slimgateEngine.command(engine)} advance ${q}", returnStatus: true)
      if (code != 0) {
        error("advancePhase: slimgate advance refused or failed (exit ${code}); nothing was recorded. " +
            'The lines above give every reason (self-approval, empty reason, a report that did not pass, ' +
            'phase order). Run advancePhase again once they are fixed.')
      }
      change = readJSON(file: file, returnPojo: true)
      archiveArtifacts(artifacts: "${file},${s.state}")
    }
    stage('Merge request') {
      slimgatePublish(engine + [runDir: s.runDir, phase: s.phase, repo: s.repo, gitRemote: s.gitRemote,
          forge: s.forge, forgeUrl: s.forgeUrl, forgeProject: s.forgeProject,
          credentialsId: s.forgeCredentialsId])
    }
    stage('Chat') {
      slimgateNotify(engine + [summary: "${s.runDir}/phase-change.json", runDir: s.runDir,
          channel: s.channel, credentialsId: s.slackCredentialsId,
          webhookCredentialsId: s.slackWebhookCredentialsId])
    }
  }
  echo "INFO: phase ${change.to} approved by ${change.approver} at ${change.at}: ${change.reason}"
  return [phase: change.to, approver: change.approver, author: change.author, at: change.at,
          reason: change.reason]
}
