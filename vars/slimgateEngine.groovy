// Plumbing shared by the slimgate steps: argument checks, the engine's command line, its exit
// codes and verdicts, and what Jenkins shows of a run. What happens in a run is the engine's
// business; this file only decides where and how the engine is started.

import com.cloudbees.groovy.cps.NonCPS

/** The arguments every step takes to find the engine; see slimgateEngine.txt. */
Map defaults() {
  return [engineJar: null, engineVersion: null, mavenRepo: null, mavenCredentialsId: null]
}

/**
 * Merges {@code args} over {@code stepDefaults} and checks them before any agent is taken:
 * unknown keys, the engine settings and the step's own {@code check}, all problems in one error.
 */
Map settings(String step, Map stepDefaults, Map args, Closure check = null) {
  List problems = []
  List unknown = new ArrayList(args.keySet() - stepDefaults.keySet()).sort()
  for (int i = 0; i < unknown.size(); i++) {
    problems << "unknown argument '${unknown[i]}'; ${step} takes: ${stepDefaults.keySet().sort().join(', ')}"
  }
  Map s = stepDefaults + args
  String version = s.engineVersion ?: env.SLIMGATE_VERSION
  if (version && !(version ==~ /[0-9][0-9A-Za-z.\-]*/)) {
    problems << "engineVersion '${version}' is no release version such as 0.1.0"
  } else if (version && version.endsWith('-SNAPSHOT')) {
    problems << "engineVersion '${version}' is a snapshot, which Maven stores under a timestamp;" +
        ' give a release version, or the snapshot jar itself with engineJar'
  }
  if (version && !(s.engineJar ?: env.SLIMGATE_JAR) && !(s.mavenRepo ?: env.SLIMGATE_MAVEN_REPO)) {
    problems << "engineVersion '${version}' needs mavenRepo (or env SLIMGATE_MAVEN_REPO): " +
        'the Maven repository URL to fetch the engine jar from'
  }
  if (check != null) {
    problems.addAll(check(s) ?: [])
  }
  if (problems) {
    error("${step}: ${problems.size()} problem(s) with its arguments:\n  - ${problems.join('\n  - ')}\n" +
        "See vars/${step}.txt (Global Variable Reference) for every argument and its default.")
  }
  return s
}

/** A problem when {@code s[key]} is empty, for a step's check. */
List required(Map s, List keys) {
  List problems = []
  for (int i = 0; i < keys.size(); i++) {
    String key = keys[i]
    if (s[key] == null || s[key].toString().trim().isEmpty()) {
      problems << "${key} is required"
    }
  }
  return problems
}

/** A problem when {@code s.phase} is set but not a phase id. */
List phaseId(Map s) {
  if (s.phase != null && !(s.phase in ['A', 'B', 'C', 'D'])) {
    return ["phase is '${s.phase}'; use one of A, B, C, D"]
  }
  return []
}

/**
 * The shell words that start the engine on this agent, in order of preference: engineJar (or env
 * SLIMGATE_JAR), a released engineVersion fetched from mavenRepo, then bin/slimgate of the
 * workspace (the library's own repository).
 */
String command(Map s) {
  String jar = s.engineJar ?: env.SLIMGATE_JAR
  if (jar) {
    return "java -jar ${quote(jar)}"
  }
  String version = s.engineVersion ?: env.SLIMGATE_VERSION
  if (version) {
    return "java -jar ${quote(fetch(s, version))}"
  }
  if (fileExists('bin/slimgate')) {
    return 'bin/slimgate'
  }
  error('slimgate: no engine found. Tried engineJar and env SLIMGATE_JAR (unset), engineVersion and ' +
      'env SLIMGATE_VERSION (unset) and bin/slimgate in the workspace (missing). Set SLIMGATE_VERSION ' +
      'and SLIMGATE_MAVEN_REPO as global environment variables, or pass engineJar.')
}

/** Downloads the engine jar of {@code version} once per workspace; returns its path. */
String fetch(Map s, String version) {
  String repo = (s.mavenRepo ?: env.SLIMGATE_MAVEN_REPO).replaceAll('/+$', '')
  String jar = ".slimgate/engine/slimgate-${version}.jar"
  List urls = ["SLIMGATE_JAR_URL=${repo}/dev/slimgate/slimgate/${version}/slimgate-${version}.jar",
               "SLIMGATE_JAR_FILE=${jar}"]
  withEnv(urls) {
    if (s.mavenCredentialsId) {
      withCredentials([usernamePassword(credentialsId: s.mavenCredentialsId,
          usernameVariable: 'SLIMGATE_MAVEN_USER', passwordVariable: 'SLIMGATE_MAVEN_PASSWORD')]) {
        // the user and password go to curl on stdin (-K -), never on its command line
        sh 'test -s "$SLIMGATE_JAR_FILE" || { mkdir -p .slimgate/engine && ' +
            'printf \'user = "%s:%s"\\n\' "$SLIMGATE_MAVEN_USER" "$SLIMGATE_MAVEN_PASSWORD" | ' +
            'curl -fsSL --retry 3 -K - -o "$SLIMGATE_JAR_FILE.part" "$SLIMGATE_JAR_URL" && ' +
            'mv "$SLIMGATE_JAR_FILE.part" "$SLIMGATE_JAR_FILE"; }'
      }
    } else {
      sh 'test -s "$SLIMGATE_JAR_FILE" || { mkdir -p .slimgate/engine && ' +
          'curl -fsSL --retry 3 -o "$SLIMGATE_JAR_FILE.part" "$SLIMGATE_JAR_URL" && ' +
          'mv "$SLIMGATE_JAR_FILE.part" "$SLIMGATE_JAR_FILE"; }'
    }
  }
  return jar
}

/** Runs an engine command line; returns its exit code. Pass it to checkExit once results are shown. */
int run(String commandLine) {
  return sh(script: commandLine, returnStatus: true)
}

/** Ends the step unless {@code code} is 0 or 1 (gate failed), naming the command and what to do. */
int checkExit(String step, int code, String commandLine) {
  if (code == 0 || code == 1) {
    return code
  }
  String why = [2: 'the engine refused its input (exit 2, usage or plan error)',
                3: 'infrastructure failure (exit 3: Docker, Git, the forge or chat misbehaved)'][code] ?:
      "the engine ended with exit ${code}, which slimgate never uses (killed? out of memory? no java?)"
  error("${step}: ${why}. The command was: ${commandLine}. The lines above say what it saw and what to fix.")
}

/** Sets the build result a verdict calls for (fail: FAILURE, inconclusive: UNSTABLE). */
String judge(String step, String verdict) {
  if (verdict == 'fail') {
    echo "WARNING: ${step}: verdict fail, the build fails; the report says which gate and why"
    currentBuild.result = 'FAILURE'
  } else if (verdict == 'inconclusive') {
    unstable("${step}: verdict inconclusive; a person must review the report")
  } else if (verdict != 'pass') {
    error("${step}: the engine gave verdict '${verdict}', none of pass, fail, inconclusive; " +
        'the engine version and this library do not match')
  }
  return verdict
}

/** Shows a run folder in Jenkins: its JUnit results, its HTML report and the folder itself. */
void publish(String out, String title) {
  junit(testResults: "${out}/junit/*.xml", allowEmptyResults: true, skipMarkingBuildUnstable: true)
  publishHTML(target: [reportName: title, reportDir: out, reportFiles: 'report.html',
                       keepAll: true, alwaysLinkToLastBuild: true, allowMissing: true])
  archiveArtifacts(artifacts: "${out}/**", allowEmptyArchive: true)
}

/** One shell word: single-quoted, so that no value is ever interpreted by the shell. */
@NonCPS
String quote(Object value) {
  return "'" + value.toString().replace("'", "'\"'\"'") + "'"
}
