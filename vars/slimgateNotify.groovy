// Tells team chat about a run (slimgate notify). Chat is never worth failing a build for: any
// problem here becomes a WARNING line and the build result stays as it was. See slimgateNotify.txt.

Map defaults() {
  return [summary: 'slimgate-out/run/chat-summary.json', runDir: 'slimgate-out/run', plan: null,
          stateDir: '.slimgate/chat', channel: null, releaseManagers: null,
          credentialsId: 'slimgate-slack-token', webhookCredentialsId: null] +
      slimgateEngine.defaults()
}

Map call(Map args = [:]) {
  Map s = slimgateEngine.settings('slimgateNotify', defaults(), args) { Map a ->
    slimgateEngine.required(a, ['summary', 'runDir', 'stateDir'])
  }
  try {
    String line = "${slimgateEngine.command(s)} notify --summary ${slimgateEngine.quote(s.summary)} " +
        "--state-dir ${slimgateEngine.quote(s.stateDir)} --run-dir ${slimgateEngine.quote(s.runDir)}"
    if (s.plan) {
      line += " --plan ${slimgateEngine.quote(s.plan)}"
    }
    if (s.channel) {
      line += " --channel ${slimgateEngine.quote(s.channel)}"
    }
    if (s.releaseManagers) {
      line += " --release-managers ${slimgateEngine.quote(s.releaseManagers)}"
    }
    List secrets = []
    if (s.webhookCredentialsId) {
      secrets << string(credentialsId: s.webhookCredentialsId, variable: 'SLIMGATE_SLACK_WEBHOOK')
    } else if (s.credentialsId) {
      secrets << string(credentialsId: s.credentialsId, variable: 'SLIMGATE_SLACK_TOKEN')
    }
    int code
    if (secrets) {
      withCredentials(secrets) {
        code = sh(script: line, returnStatus: true)
      }
    } else {
      code = sh(script: line, returnStatus: true) // no chat configured: the engine prints the message
    }
    if (code != 0) {
      echo "WARNING: slimgateNotify: chat was not told (slimgate notify exit ${code}); " +
          'the lines above say why. The build result is unchanged.'
    }
    return [sent: code == 0, exitCode: code]
  } catch (Exception e) {
    if (e.getClass().name.endsWith('FlowInterruptedException')) {
      throw e // the build was aborted: that is no chat problem
    }
    echo "WARNING: slimgateNotify: chat was not told (${e.message}). The build result is unchanged."
    return [sent: false, exitCode: null]
  }
}
