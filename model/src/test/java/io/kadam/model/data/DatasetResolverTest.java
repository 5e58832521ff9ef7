package io.kadam.model.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetResolverTest {

    @TempDir
    Path dir;

    private DatasetResolver fromEnv() {
        return new DatasetResolver(null, Map.of("KADAM_DATA_DIR", dir.toString()), dir.resolve("no-debian"));
    }

    @Test
    void resolvesEachKnownLayout() {
        Path text = TestFiles.write(dir.resolve("tinyshakespeare/input.txt"), new byte[] {'a'});
        assertEquals(new TextFile(text), fromEnv().resolve("tinyshakespeare"));

        for (String name : IdxFiles.NAMES) {
            TestFiles.write(dir.resolve("mnist/" + name + (name.startsWith("train") ? ".gz" : "")), new byte[1]);
        }
        IdxFiles mnist = (IdxFiles) fromEnv().resolve("mnist");
        assertEquals(dir.resolve("mnist/train-images-idx3-ubyte.gz"), mnist.trainImages());
        assertEquals(dir.resolve("mnist/t10k-labels-idx1-ubyte"), mnist.testLabels());

        for (String name : List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
                "data_batch_5.bin", "test_batch.bin")) {
            TestFiles.write(dir.resolve("cifar-10-batches-bin/" + name), new byte[1]);
        }
        assertEquals(new CifarDir(dir.resolve("cifar-10-batches-bin")), fromEnv().resolve("cifar10"));

        Path second = TestFiles.write(dir.resolve("c4/c4-train.00001-of-01024.json.gz"), new byte[1]);
        Path first = TestFiles.write(dir.resolve("c4/c4-train.00000-of-01024.json.gz"), new byte[1]);
        Path validation = TestFiles.write(dir.resolve("c4/c4-validation.00000-of-00008.json.gz"), new byte[1]);
        C4Shards c4 = (C4Shards) fromEnv().resolve("c4");
        assertEquals(List.of(first, second), c4.train());
        assertEquals(List.of(validation), c4.validation());
    }

    @Test
    void explicitDirectoryWinsOverEnvironment() {
        Path text = TestFiles.write(dir.resolve("explicit/tinyshakespeare/input.txt"), new byte[] {'a'});
        DatasetResolver resolver = new DatasetResolver(dir.resolve("explicit"), Map.of("KADAM_DATA_DIR", "/nowhere"));
        assertEquals(new TextFile(text), resolver.resolve("tinyshakespeare"));
    }

    @Test
    void fashionMnistFallsBackToDebianDirectory() {
        Path debian = dir.resolve("debian");
        for (String name : IdxFiles.NAMES) {
            TestFiles.write(debian.resolve(name + ".gz"), new byte[1]);
        }
        DatasetResolver noDataDir = new DatasetResolver(null, Map.of(), debian);
        assertEquals(debian.resolve("train-images-idx3-ubyte.gz"),
                ((IdxFiles) noDataDir.resolve("fashion-mnist")).trainImages());
    }

    @Test
    void missingFilesListEveryPlaceLooked() {
        TestFiles.write(dir.resolve("fashion-mnist/train-images-idx3-ubyte.gz"), new byte[1]);
        DataException e = assertThrows(DataException.class, () -> fromEnv().resolve("fashion-mnist"));
        String message = e.getMessage();
        assertTrue(message.contains("'fashion-mnist'") && message.contains("train-labels-idx1-ubyte[.gz]")
                && message.contains(dir.resolve("fashion-mnist").toString())
                && message.contains(dir.resolve("no-debian") + " (no such directory)")
                && message.contains("KADAM_DATA_DIR"), message);

        e = assertThrows(DataException.class, () -> fromEnv().resolve("cifar10"));
        assertTrue(e.getMessage().contains("data_batch_1.bin") && e.getMessage().contains("test_batch.bin")
                && e.getMessage().contains(dir.resolve("cifar-10-batches-bin").toString()), e.getMessage());

        e = assertThrows(DataException.class, () -> fromEnv().resolve("tinyshakespeare"));
        assertTrue(e.getMessage().contains("input.txt") && e.getMessage().contains("data_dir in the spec"), e.getMessage());

        e = assertThrows(DataException.class, () -> fromEnv().resolve("c4"));
        assertTrue(e.getMessage().contains("c4-train.*.json.gz") && e.getMessage().contains(dir.resolve("c4").toString()),
                e.getMessage());
    }

    @Test
    void noDataDirectoryConfigured() {
        DatasetResolver resolver = new DatasetResolver(null, Map.of("KADAM_DATA_DIR", " "), dir.resolve("no-debian"));
        for (String name : List.of("tinyshakespeare", "mnist", "cifar10", "c4")) {
            DataException e = assertThrows(DataException.class, () -> resolver.resolve(name));
            assertTrue(e.getMessage().contains("'" + name + "' needs a data directory, but none is configured")
                    && e.getMessage().contains("KADAM_DATA_DIR"), e.getMessage());
        }
        DataException e = assertThrows(DataException.class, () -> resolver.resolve("fashion-mnist"));
        assertTrue(e.getMessage().contains("no data directory configured"), e.getMessage());
    }

    @Test
    void unknownNameOrAnExistingTextFile() {
        Path text = TestFiles.write(dir.resolve("notes.txt"), new byte[] {'a'});
        assertEquals(new TextFile(text), fromEnv().resolve(text.toString()));
        assertEquals(new TextFile(text), fromEnv().resolve("notes.txt")); // relative to the data dir
        DataException e = assertThrows(DataException.class, () -> fromEnv().resolve("imagenet"));
        assertTrue(e.getMessage().contains("unknown dataset 'imagenet'")
                && e.getMessage().contains("tinyshakespeare, fashion-mnist, mnist, cifar10, c4"), e.getMessage());
        assertInstanceOf(TextFile.class, fromEnv().resolve(text.toString()));
    }
}
