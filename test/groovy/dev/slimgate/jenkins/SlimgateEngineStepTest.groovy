package dev.slimgate.jenkins

import org.junit.Test

import static org.junit.Assert.assertEquals
import static org.junit.Assert.assertTrue

class SlimgateEngineStepTest extends SlimgatePipelineTest {

  static final String FETCH = 'test -s "$SLIMGATE_JAR_FILE" || { mkdir -p .slimgate/engine && ' +
      'curl -fsSL --retry 3 -o "$SLIMGATE_JAR_FILE.part" "$SLIMGATE_JAR_URL" && ' +
      'mv "$SLIMGATE_JAR_FILE.part" "$SLIMGATE_JAR_FILE"; }'
  static final String FETCH_WITH_LOGIN = 'test -s "$SLIMGATE_JAR_FILE" || { mkdir -p .slimgate/engine && ' +
      'printf \'user = "%s:%s"\\n\' "$SLIMGATE_MAVEN_USER" "$SLIMGATE_MAVEN_PASSWORD" | ' +
      'curl -fsSL --retry 3 -K - -o "$SLIMGATE_JAR_FILE.part" "$SLIMGATE_JAR_URL" && ' +
      'mv "$SLIMGATE_JAR_FILE.part" "$SLIMGATE_JAR_FILE"; }'

  def engine() {
    return step('slimgateEngine')
  }

  @Test
  void theWorkspacesOwnEngineIsTheDefault() {
    assertEquals('bin/slimgate', engine().command(engine().defaults()))
  }

  @Test
  void engineJarIsRunWithJava() {
    assertEquals("java -jar '/opt/slimgate/slimgate.jar'", engine().command([engineJar: '/opt/slimgate/slimgate.jar']))
  }

  @Test
  void theEnvironmentCanNameTheJar() {
    binding.getVariable('env').SLIMGATE_JAR = '/srv/slimgate.jar'

    assertEquals("java -jar '/srv/slimgate.jar'", engine().command([:]))
  }

  @Test
  void aVersionIsFetchedFromTheMavenRepository() {
    mocks.expectSh(FETCH)

    String command = engine().command([engineVersion: '1.2.0', mavenRepo: 'https://repo.example.org/maven/'])

    assertEquals("java -jar '.slimgate/engine/slimgate-1.2.0.jar'", command)
  }

  @Test
  void theFetchUsesTheMavenLayoutOfTheRelease() {
    mocks.expectSh(FETCH)

    engine().command([engineVersion: '1.2.0', mavenRepo: 'https://repo.example.org/maven/'])

    assertEquals(['https://repo.example.org/maven/dev/slimgate/slimgate/1.2.0/slimgate-1.2.0.jar',
                  '.slimgate/engine/slimgate-1.2.0.jar'],
        [mocks.shEnvironments[0].SLIMGATE_JAR_URL, mocks.shEnvironments[0].SLIMGATE_JAR_FILE])
  }

  @Test
  void theEnvironmentCanNameVersionAndRepository() {
    binding.getVariable('env').putAll(SLIMGATE_VERSION: '0.3.1', SLIMGATE_MAVEN_REPO: 'https://m.example.org')
    mocks.expectSh(FETCH)

    assertEquals("java -jar '.slimgate/engine/slimgate-0.3.1.jar'", engine().command([:]))
  }

  @Test
  void aLoginIsHandedToCurlOnItsStandardInput() {
    mocks.expectSh(FETCH_WITH_LOGIN)

    engine().command([engineVersion: '1.2.0', mavenRepo: 'https://m.example.org', mavenCredentialsId: 'nexus'])

    assertEquals(['nexus': 'SLIMGATE_MAVEN_PASSWORD'], mocks.secretsBound)
  }

  @Test
  void theLoginNeverReachesTheCommandLine() {
    mocks.expectSh(FETCH_WITH_LOGIN)

    engine().command([engineVersion: '1.2.0', mavenRepo: 'https://m.example.org', mavenCredentialsId: 'nexus'])

    assertNoSecretInAnyCommand()
  }

  @Test
  void withoutAnyEngineTheStepSaysWhatItTried() {
    mocks.files.clear()

    String message = errorOf { engine().command([:]) }

    assertTrue(message, message.contains('Tried engineJar and env SLIMGATE_JAR (unset), engineVersion and ' +
        'env SLIMGATE_VERSION (unset) and bin/slimgate in the workspace (missing)'))
  }

  @Test
  void aVersionWithoutARepositoryIsRefused() {
    String message = errorOf { engine().settings('x', engine().defaults(), [engineVersion: '1.2.0']) }

    assertTrue(message, message.contains("engineVersion '1.2.0' needs mavenRepo"))
  }

  @Test
  void aSnapshotVersionIsRefused() {
    String message = errorOf {
      engine().settings('x', engine().defaults(), [engineVersion: '1.3.0-SNAPSHOT', mavenRepo: 'https://m'])
    }

    assertTrue(message, message.contains("engineVersion '1.3.0-SNAPSHOT' is a snapshot"))
  }

  @Test
  void aVersionThatCouldBreakTheUrlIsRefused() {
    String message = errorOf {
      engine().settings('x', engine().defaults(), [engineVersion: '1.0/../../x', mavenRepo: 'https://m'])
    }

    assertTrue(message, message.contains("engineVersion '1.0/../../x' is no release version"))
  }

  @Test
  void quotingSurvivesEveryCharacter() {
    assertEquals("'a b'\"'\"'\$(rm -rf /)\"`x`'", engine().quote("a b'\$(rm -rf /)\"`x`"))
  }
}
