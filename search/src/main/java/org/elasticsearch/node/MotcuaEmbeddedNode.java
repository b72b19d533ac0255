package org.elasticsearch.node;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.elasticsearch.action.admin.cluster.health.ClusterHealthRequest;
import org.elasticsearch.action.admin.cluster.health.ClusterHealthResponse;
import org.elasticsearch.cluster.service.ClusterService;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.core.TimeValue;
import org.elasticsearch.env.Environment;
import org.elasticsearch.http.HttpServerTransport;
import org.elasticsearch.plugins.MockPluginsService;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.plugins.PluginsLoader;
import org.elasticsearch.plugins.PluginsService;

/**
 * A real Elasticsearch node whose plugins are classes on the application's classpath instead of
 * directories under {@code plugins/} and {@code modules/} (which only the official distribution has).
 * It lives in Elasticsearch's own package because {@link NodeConstruction} and
 * {@link NodeServiceProvider} are package-private; every reach into server internals is in this one
 * class so that an Elasticsearch upgrade touches one file. Used only by
 * {@code vn.motcua.search.embedded.EmbeddedElasticsearch}.
 */
public final class MotcuaEmbeddedNode extends Node {

    public MotcuaEmbeddedNode(Settings settings, Collection<Class<? extends Plugin>> plugins) {
        super(NodeConstruction.prepareConstruction(
                InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> "motcua-embedded"),
                null, new ClasspathPlugins(List.copyOf(plugins)), true));
    }

    /** Where the HTTP (REST) transport was bound, once started. */
    public InetSocketAddress httpAddress() {
        return injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress().address();
    }

    /**
     * Waits until every primary shard is active (cluster health yellow), so that a node restarted over
     * existing indices answers reads and writes instead of "no shard available". Returns {@code false}
     * when that takes longer than {@code timeout}.
     */
    public boolean awaitPrimaryShards(Duration timeout) {
        TimeValue wait = TimeValue.timeValueMillis(timeout.toMillis());
        ClusterHealthResponse health = client().admin().cluster()
                .health(new ClusterHealthRequest(wait).waitForYellowStatus().timeout(wait))
                .actionGet(TimeValue.timeValueMillis(wait.millis() + 5_000));
        return !health.isTimedOut();
    }

    /**
     * The listener this would register only feeds node and cluster ids into Elasticsearch's own log
     * patterns, which are not used here (its logs go to the application's logging); leaving it out
     * also lets the node be stopped and started again in the same JVM.
     */
    @Override
    protected void configureNodeAndClusterIdStateListener(ClusterService clusterService) {
    }

    private static final class ClasspathPlugins extends NodeServiceProvider {
        private final List<Class<? extends Plugin>> plugins;

        ClasspathPlugins(List<Class<? extends Plugin>> plugins) {
            this.plugins = plugins;
        }

        @Override
        PluginsService newPluginService(Environment environment, PluginsLoader pluginsLoader) {
            return new MockPluginsService(environment.settings(), environment, plugins);
        }
    }
}
