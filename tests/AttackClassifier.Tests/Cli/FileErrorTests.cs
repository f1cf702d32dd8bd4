using AttackClassifier.Tests.Data;

namespace AttackClassifier.Tests.Cli;

/// <summary>A file that cannot be written or read is one line naming the path and the option it came from.</summary>
public class FileErrorTests
{
    [Theory]
    [InlineData("train", "model", "blocker/model.acm")]
    [InlineData("compare", "the report", "blocker/report")]
    [InlineData("split", "the split", "blocker/parts")]
    public void An_unwritable_output_names_the_path_and_the_option(string command, string what, string relative)
    {
        // A regular file where a folder should be: no write can succeed, whoever runs the test (root ignores permissions).
        string folder = Directory.CreateTempSubdirectory().FullName;
        File.WriteAllText(Path.Combine(folder, "blocker"), "a file, not a folder");
        string target = Path.Combine(folder, relative);
        try
        {
            string[] args = command switch
            {
                "train" => ["train", "--data", SampleDataTests.SamplePath, "--preset", "study", "--max-iter", "5", "--out", target],
                "compare" => ["compare", "--data", SampleDataTests.SamplePath, "--models", "lr", "--max-iter", "5", "--out", target],
                _ => ["split", "--data", SampleDataTests.SamplePath, "--out", target],
            };
            var (exit, _, error) = CliRunner.Run(args);
            Assert.Equal(2, exit);
            Assert.StartsWith($"error: cannot write {what} to {target} (--out): ", error);
            Assert.Single(error.TrimEnd('\n').Split('\n'));
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [Fact]
    public void A_model_path_that_is_a_folder_names_the_path_and_the_option()
    {
        string folder = Directory.CreateTempSubdirectory().FullName;
        try
        {
            var (exit, _, error) = CliRunner.Run("train", "--data", SampleDataTests.SamplePath, "--preset", "study", "--max-iter", "5", "--out", folder);
            Assert.Equal(2, exit);
            Assert.StartsWith($"error: cannot write model to {folder} (--out): ", error);
            Assert.Empty(Directory.GetFileSystemEntries(folder));   // the temporary file is gone
        }
        finally { Directory.Delete(folder, recursive: true); }
    }
}
